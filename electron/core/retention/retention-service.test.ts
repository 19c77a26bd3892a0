import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultSettings, type Settings } from '../../../shared/domain/settings'
import { submissionSteps, type StepName } from '../../../shared/domain/steps'
import { createLogger } from '../log/logger'
import { Redactor } from '../log/redact'
import { binding, createQueued, identity, openTestStore, type TestStore } from '../queue/test-fixtures'
import { DB_FILE } from '../queue/store'
import { RetentionService } from './retention-service'

const day = 24 * 60 * 60_000

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile())
}

describe('RetentionService', () => {
  let t: TestStore
  let settings: Settings

  beforeEach(async () => {
    t = await openTestStore()
    settings = { ...defaultSettings, retention: { purgeVerifiedAfterDays: 7, flagStaleAfterDays: 14 } }
  })
  afterEach(() => t.cleanup())

  const service = () => new RetentionService({ store: t.store, settings: () => settings, clock: () => t.clock.now, log: createLogger({ redactor: new Redactor() }) })

  function finish(id: string, names: readonly StepName[]): void {
    for (const name of names) {
      expect(t.store.steps.markStep(id, name, { kind: 'started' }).ok).toBe(true)
      const data =
        name.startsWith('upload:') ? { objectKey: `kyc/${binding.uid}/${id}/${name}.jpg` } : name === 'liveness:token' ? { verifyToken: 'vt-secret-123456', verifyUrl: null, expiresAt: t.clock.now + 60_000 } : undefined
      expect(t.store.steps.markStep(id, name, data ? ({ kind: 'done', data } as never) : { kind: 'done' }).ok).toBe(true)
    }
  }

  async function verifiedApplicant(): Promise<string> {
    const id = await createQueued(t.store)
    finish(id, submissionSteps)
    expect(t.store.steps.requestLiveness(id, null).ok).toBe(true)
    finish(id, ['liveness:token', 'liveness:result'])
    expect(t.store.applicants.get(id)?.status).toBe('verified')
    return id
  }

  it('purges a verified applicant after the retention period: images off disk, personal fields out of the database', async () => {
    const id = await verifiedApplicant()
    const imagesBefore = filesUnder(join(t.dir, 'images'))
    expect(imagesBefore.length).toBe(3)

    t.clock.advance(7 * day - 1)
    expect(service().run().purged).toEqual([])

    t.clock.advance(1)
    expect(service().run().purged).toEqual([id])

    expect(filesUnder(join(t.dir, 'images'))).toEqual([])
    const record = t.store.applicants.get(id)
    expect(record?.stage).toBe('purged')
    expect(record && 'identity' in record).toBe(false)
    // The minimal record and the event log remain.
    const summary = t.store.applicants.summary(id)
    expect(summary).toMatchObject({ status: 'verified', label: null })
    const types = t.store.events.listForApplicant(id).map((e) => e.type)
    expect(types).toContain('captured')
    expect(types.at(-1)).toBe('purged')
    // Nothing personal is left in the database file (WAL checkpointed by close).
    t.store.close()
    const bytes = readFileSync(join(t.dir, DB_FILE)).toString('latin1')
    await t.reopen()
    for (const secret of [identity.documentNumber, binding.token, binding.uid]) expect(bytes).not.toContain(secret)
  })

  it('purges at once when the period is 0 days', async () => {
    settings = { ...settings, retention: { ...settings.retention, purgeVerifiedAfterDays: 0 } }
    const id = await verifiedApplicant()
    expect(service().run().purged).toEqual([id])
  })

  it('never purges drafts or unsynced applicants, and flags them once they are old', async () => {
    const queued = await createQueued(t.store)
    const { id: draft } = await t.store.applicants.create({ identity, operatorId: null, consent: null })
    t.clock.advance(30 * day)
    expect(service().run().purged).toEqual([])
    expect(t.store.applicants.get(queued)?.stage).toBe('queued')
    expect(service().stale().map((a) => a.id).sort()).toEqual([draft, queued].sort())
  })
})
