import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultSettings, type Settings } from '../../../shared/domain/settings'
import { submissionSteps, type StepName } from '../../../shared/domain/steps'
import { createLogger } from '../log/logger'
import { Redactor } from '../log/redact'
import { binding, createQueued, identity, openTestStore, runSteps, type TestStore } from '../queue/test-fixtures'
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
    settings = { ...defaultSettings, retention: { purgeVerifiedAfterDays: 7, flagStaleAfterDays: 14, purgeUnfinishedAfterDays: 30 } }
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

  it('never purges a draft, and flags drafts and unsynced applicants once they are old', async () => {
    const queued = await createQueued(t.store)
    const { id: draft } = await t.store.applicants.create({ identity, operatorId: null, consent: null })
    t.clock.advance(20 * day)
    expect(service().run().purged).toEqual([])
    expect(t.store.applicants.get(queued)?.stage).toBe('queued')
    expect(service().stale().map((a) => a.id).sort()).toEqual([draft, queued].sort())
    t.clock.advance(365 * day)
    expect(service().run().purged).toEqual([queued])
    expect(t.store.applicants.get(draft)?.stage).toBe('draft')
  })
})

describe('finding 3: retention ends for applicants who stop before verification', () => {
  let t: TestStore
  const settings: Settings = { ...defaultSettings, retention: { purgeVerifiedAfterDays: 7, flagStaleAfterDays: 14, purgeUnfinishedAfterDays: 30 } }

  beforeEach(async () => {
    t = await openTestStore()
  })
  afterEach(() => t.cleanup())

  const service = () => new RetentionService({ store: t.store, settings: () => settings, clock: () => t.clock.now, log: createLogger({ redactor: new Redactor() }) })

  async function submitted(): Promise<string> {
    const id = await createQueued(t.store)
    runSteps(t.store, id, submissionSteps)
    expect(t.store.applicants.get(id)?.status).toBe('submitted')
    return id
  }

  async function livenessPending(): Promise<string> {
    const id = await submitted()
    expect(t.store.steps.requestLiveness(id, null).ok).toBe(true)
    t.store.steps.markStep(id, 'liveness:token', { kind: 'started' })
    const data = { verifyToken: 'vt-secret-123456', verifyUrl: null, expiresAt: t.clock.now + 60_000 }
    expect(t.store.steps.markStep(id, 'liveness:token', { kind: 'done', data }).ok).toBe(true)
    expect(t.store.applicants.get(id)?.status).toBe('liveness-pending')
    return id
  }

  it('flags submitted and liveness-pending applicants past the flag age, then purges them past the unfinished age', async () => {
    const ids = [await submitted(), await livenessPending(), await createQueued(t.store)].sort()
    t.clock.advance(14 * day + 1)
    expect(service().run().purged).toEqual([])
    expect(service().stale().map((a) => a.id).sort()).toEqual(ids)

    t.clock.advance(16 * day)
    expect(service().run().purged.slice().sort()).toEqual(ids)
    expect(filesUnder(join(t.dir, 'images'))).toEqual([])
    for (const id of ids) {
      expect(t.store.applicants.get(id)?.stage).toBe('purged')
      expect(t.store.events.listForApplicant(id).at(-1)).toMatchObject({ type: 'purged', details: { reason: 'retention' } })
    }
    // Purged applicants are neither flagged again nor picked up by the engine.
    expect(service().stale()).toEqual([])
    expect(t.store.steps.dueApplicants(t.clock.now, 100)).toEqual([])
  })

  it('counts the age from queueing, so a draft finished late is not purged before it syncs', async () => {
    const { id } = await t.store.applicants.create({ identity, operatorId: null, consent: null })
    t.clock.advance(60 * day)
    expect(service().run().purged).toEqual([])
    expect(t.store.applicants.remove(id, null).ok).toBe(true)
    const late = await createQueued(t.store)
    expect(service().run().purged).toEqual([])
    expect(service().stale().map((a) => a.id)).not.toContain(late)
  })

  it('leaves an applicant whose step is running to the next run', async () => {
    const id = await createQueued(t.store)
    t.store.steps.markStep(id, 'sts', { kind: 'started' })
    t.clock.advance(31 * day)
    expect(service().run()).toEqual({ purged: [], failed: [] })
    expect(t.store.applicants.get(id)?.stage).toBe('queued')
  })
})
