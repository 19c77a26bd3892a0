import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { submissionSteps } from '../../../../shared/domain/steps'
import { defaultSettings } from '../../../../shared/domain/settings'
import { KycError } from '../../errors/kyc-error'
import { createLogger } from '../../log/logger'
import { Redactor } from '../../log/redact'
import { binding, createQueued, openTestStore, passportIdentity, runSteps, type TestStore } from '../../queue/test-fixtures'
import { applicantEditHandlers } from './applicant-edit'

describe('finding 7: the platform record\'s refusal loses the applicant\'s own values', () => {
  let t: TestStore
  beforeEach(async () => {
    t = await openTestStore()
  })
  afterEach(() => t.cleanup())

  it('masks the passport number, the name and the token the platform quoted', async () => {
    const id = await createQueued(t.store, passportIdentity)
    runSteps(t.store, id, submissionSteps)
    const redactor = new Redactor()
    const handlers = applicantEditHandlers({
      store: t.store,
      settings: () => defaultSettings,
      platform: () => ({
        authInfo: async () => ({ kind: 'refused', status: -3, message: `no record for PERCIVAL FOTHERINGHAM, passport X93751846, token ${binding.token}` }),
      }),
      operatorId: () => null,
      clock: () => t.clock.now,
      log: createLogger({ redactor }),
      redactor,
      retry: () => undefined,
    })
    const error = await Promise.resolve(handlers['applicants:platform-record']({ id }, { senderUrl: 'app://kyc-desk/' })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(KycError)
    const message = (error as KycError).message
    expect(message).toContain('no record for')
    for (const value of ['PERCIVAL', 'FOTHERINGHAM', 'X93751846', binding.token]) expect(message).not.toContain(value)
  })
})
