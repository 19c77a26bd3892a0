import { afterEach, describe, expect, it } from 'vitest'
import type { StepName } from '../../../shared/domain/steps'
import { wordReason } from '../../cli/words'
import { queueApplicant } from './test-support/applicants'
import { sandboxHarness, waitFor, type SandboxHarness } from './test-support/sandbox-harness'

/**
 * Failures of ours (the path, OSS) are stored with a reason the screen words in the operator's
 * language; the English message stays for the log. Through the real platform client and ali-oss.
 */
describe('step errors of ours', () => {
  let h: SandboxHarness | undefined
  afterEach(async () => h?.close())

  const errorOf = (id: string, step: StepName) => {
    const record = h?.store.applicants.get(id)
    return record?.stage === 'queued' ? (record.steps.find((s) => s.name === step)?.lastError ?? null) : null
  }

  it('keep a reason beside the English message, for the platform and for OSS, worded in Chinese', async () => {
    // One attempt, then a long wait: the error stays to be read.
    h = await sandboxHarness({ sync: { retryBaseMs: 600_000, retryCapMs: 600_000 } })
    const harness = h
    await harness.setFaults({ rules: [{ target: 'api', pathPattern: '/user/getsts', errorRate: 1 }] })
    const platformDown = await queueApplicant(harness.store, 1, await harness.createUser())
    harness.engine.start()
    await waitFor(() => errorOf(platformDown, 'sts') !== null, 20_000, 'the STS step failed')

    const sts = errorOf(platformDown, 'sts')
    expect(sts).toMatchObject({ kind: 'transient', message: expect.stringMatching(/^the platform answered HTTP 5\d\d$/) })
    expect(sts?.reason).toEqual({ key: 'stepError.platform.http', params: { status: expect.any(Number) } })
    expect(sts?.reason && wordReason(sts.reason, 'zh-CN')).toMatch(/^平台答复 HTTP 5\d\d，将自动重试$/)

    await harness.setFaults({ rules: [{ target: 'oss', pathPattern: '*', errorRate: 1 }] })
    const ossDown = await queueApplicant(harness.store, 2, await harness.createUser())
    await waitFor(() => errorOf(ossDown, 'upload:front') !== null, 20_000, 'the front upload failed')

    const upload = errorOf(ossDown, 'upload:front')
    expect(upload?.message).toMatch(/^OSS: /)
    expect(upload?.reason?.key).toMatch(/^stepError\.oss\.(transient|noAnswer)$/)
    const words = upload?.reason ? wordReason(upload.reason, 'zh-CN') : ''
    expect(words).toMatch(/^OSS /)
    expect(words).toMatch(/\p{Script=Han}/u)
    expect(words).not.toMatch(/stepError/)
  }, 60_000)
})
