import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../db/connection'
import { environmentOf, trainingEnvironment } from '../../../shared/domain/environment'
import { settle } from './test-support/fake-clock'
import { queueApplicant } from './test-support/applicants'
import { engineHarness, type EngineHarness } from './test-support/engine-harness'

const binding = (n: number) => ({ uid: `10000000000${n}`, token: `token-${n}-abcdefgh` })
const live = environmentOf('https://kyc.example.cn/api/')

describe('training kept apart from live data', () => {
  let h: EngineHarness | undefined
  afterEach(async () => {
    await h?.close()
    h = undefined
  })

  it('names an environment by the platform URL, and training when there is none', () => {
    expect(environmentOf('')).toBe(trainingEnvironment)
    expect(environmentOf('https://kyc.example.cn/api/?x=1')).toBe('https://kyc.example.cn/api')
  })

  it('never syncs a training applicant after the switch to a live platform, even when asked', async () => {
    h = await engineHarness()
    const training = await queueApplicant(h.store, 1, binding(1))
    expect(h.store.applicants.summary(training)).toMatchObject({ environment: trainingEnvironment })
    h.store.setEnvironment(live)
    const captured = await queueApplicant(h.store, 2, binding(2))
    expect(h.store.applicants.list({ trainingOnly: true }).items.map((i) => i.id)).toEqual([training])
    h.engine.start()
    h.engine.sync([training])
    await h.clock.until(() => h!.allIn([captured], ['submitted']))
    await settle()
    expect(h.platform.opsFor(binding(1).uid)).toEqual([])
    expect(h.status(training)).toBe('queued')
    expect(h.store.applicants.summary(training)?.steps.every((s) => s.state === 'pending' && s.attempts === 0)).toBe(true)
    // Back in training, it is the live one that waits.
    h.store.setEnvironment(trainingEnvironment)
    h.engine.sync([training])
    await h.clock.until(() => h!.allIn([training], ['submitted']))
    expect(h.platform.opsFor(binding(1).uid).length).toBeGreaterThan(0)
  })

  it('gives applicants from before environments were recorded to the first environment set', async () => {
    h = await engineHarness()
    const old = await queueApplicant(h.store, 1, binding(1))
    const db = openDatabase({ file: join(h.dir, 'kyc-desk.sqlite') })
    db.prepare('UPDATE applicants SET environment = NULL').run()
    db.close()
    expect(h.store.applicants.summary(old)?.environment).toBeNull()
    h.store.setEnvironment(live)
    expect(h.store.applicants.summary(old)?.environment).toBe(live)
  })
})
