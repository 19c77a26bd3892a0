import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { bindingExpiredRule } from '../../../shared/domain/error-actions'
import { deriveStatus } from '../../../shared/domain/status'
import { submissionSteps, type StepName } from '../../../shared/domain/steps'
import { binding, completeDraft, createQueued, identity, imageInput, openTestStore, runSteps, type TestStore } from './test-fixtures'
import type { StepChange } from './types'

let t: TestStore
let changes: StepChange[]
beforeEach(async () => {
  changes = []
  t = await openTestStore({ onStepChange: (c) => changes.push(c) })
})
afterEach(() => t.cleanup())

/** The stored status column must always equal deriveStatus over the stored steps. */
function expectConsistent(id: string) {
  const record = t.store.applicants.get(id)
  if (!record) throw new Error('missing')
  const steps = t.store.steps.steps(id)
  expect(record.status).toBe(deriveStatus(steps, record.stage !== 'draft', bindingExpiredRule({})))
  return record.status
}

/**
 * What the engine may run now: the applicants the store says are due, each with its pending steps
 * whose backoff is over (liveness steps only once asked for), as the engine's plan reads them.
 */
function dueSteps(store: TestStore['store'], now: number, limit: number): { applicantId: string; due: StepName[] }[] {
  return store.steps.dueApplicants(now, limit).map(({ applicantId }) => {
    const livenessRequested = store.applicants.get(applicantId)?.livenessRequestedAt != null
    const due = store.steps
      .steps(applicantId)
      .filter((s) => s.state === 'pending' && (s.nextAttemptAt === null || s.nextAttemptAt <= now))
      .filter((s) => !s.name.startsWith('liveness:') || livenessRequested)
      .map((s) => s.name)
    return { applicantId, due }
  })
}

describe('step transitions', () => {
  it('walks queued -> syncing -> submitted, committing and announcing each change', async () => {
    const id = await createQueued(t.store)
    expect(changes.map((c) => [c.step, c.state, c.status])).toEqual(submissionSteps.map((n) => [n, 'pending', 'queued']))
    changes = []
    const started = t.store.steps.markStep(id, 'sts', { kind: 'started' })
    expect(started).toMatchObject({ ok: true, change: { step: 'sts', state: 'running', attempts: 1, status: 'syncing' } })
    expect(expectConsistent(id)).toBe('syncing')
    t.store.steps.markStep(id, 'sts', { kind: 'done' })
    expect(expectConsistent(id)).toBe('syncing')
    runSteps(t.store, id, submissionSteps.slice(1))
    expect(expectConsistent(id)).toBe('submitted')
    expect(changes).toHaveLength(submissionSteps.length * 2)
    expect(changes.at(-1)).toMatchObject({ applicantId: id, step: 'reconcile', state: 'done', status: 'submitted', error: null })
    const types = t.store.events.listForApplicant(id).map((e) => e.type)
    expect(types.filter((x) => x === 'step-done')).toHaveLength(submissionSteps.length)
  })

  it('a transient failure waits to retry; a refusal needs attention until retried', async () => {
    const id = await createQueued(t.store)
    runSteps(t.store, id, ['sts'])
    t.store.steps.markStep(id, 'upload:front', { kind: 'started' })
    const retryAt = t.clock.now + 30_000
    const failed = t.store.steps.markStep(id, 'upload:front', {
      kind: 'failed-transient',
      error: { code: '503', message: 'Service Unavailable' },
      nextAttemptAt: retryAt,
    })
    expect(failed).toMatchObject({ ok: true, change: { state: 'pending', nextAttemptAt: retryAt, status: 'waiting-retry', error: { kind: 'transient' } } })
    expect(expectConsistent(id)).toBe('waiting-retry')
    expect(dueSteps(t.store, t.clock.now, 10)).toEqual([])
    expect(dueSteps(t.store, retryAt, 10)).toMatchObject([{ applicantId: id, due: expect.arrayContaining(['upload:front']) }])
    // The scheduler's lighter question gives the same answer, and since when it is due.
    expect(t.store.steps.dueApplicants(t.clock.now, 10)).toEqual([])
    expect(t.store.steps.dueApplicants(retryAt, 10)).toEqual([{ applicantId: id, dueAt: retryAt }])
    t.store.steps.markStep(id, 'upload:front', { kind: 'started' })
    t.store.steps.markStep(id, 'upload:front', { kind: 'failed-needs-attention', error: { kind: 'refused', code: 'AccessDenied', message: 'denied' } })
    expect(expectConsistent(id)).toBe('needs-attention')
    expect(dueSteps(t.store, retryAt + 1e9, 10)).toEqual([])
    expect(t.store.steps.dueApplicants(retryAt + 1e9, 10)).toEqual([])
    expect(t.store.steps.steps(id)[1]).toMatchObject({ state: 'failed', attempts: 2 })
    t.store.steps.retryFailed(id, 'op-1')
    expect(expectConsistent(id)).toBe('syncing')
    expect(dueSteps(t.store, t.clock.now, 10)).toHaveLength(1)
    expect(t.store.events.listForApplicant(id).at(-1)).toMatchObject({ type: 'retried', operatorId: 'op-1', details: { steps: ['upload:front'] } })
  })

  it('refuses transitions out of order, and reports from an attempt that was reset', async () => {
    const id = await createQueued(t.store)
    expect(t.store.steps.markStep(id, 'sts', { kind: 'done' })).toEqual({ ok: false, reason: 'invalid-transition', from: 'pending' })
    t.store.steps.markStep(id, 'sts', { kind: 'started' })
    expect(t.store.steps.markStep(id, 'sts', { kind: 'started' })).toEqual({ ok: false, reason: 'invalid-transition', from: 'running' })
    t.store.steps.resetSteps(id, ['sts'], null)
    expect(t.store.steps.markStep(id, 'sts', { kind: 'done' })).toEqual({ ok: false, reason: 'invalid-transition', from: 'pending' })
    expect(t.store.steps.markStep(id, 'liveness:token', { kind: 'started' })).toEqual({ ok: false, reason: 'not-found' })
    const draft = await t.store.applicants.create({ operatorId: null, consent: null })
    expect(t.store.steps.markStep(draft.id, 'sts', { kind: 'started' })).toEqual({ ok: false, reason: 'not-queued' })
    expectConsistent(id)
  })

  it('keeps step outputs encrypted and typed; clamps long platform messages', async () => {
    const id = await createQueued(t.store)
    runSteps(t.store, id, ['sts', 'upload:front'])
    expect(t.store.steps.stepData(id, 'upload:front')).toEqual({ objectKey: `kyc/${binding.uid}/${id}/front-abc.jpg` })
    expect(t.store.steps.stepData(id, 'upload:back')).toBeNull()
    t.store.steps.markStep(id, 'upload:back', { kind: 'started' })
    const result = t.store.steps.markStep(id, 'upload:back', {
      kind: 'failed-transient',
      error: { code: 'X'.repeat(100), message: '很长'.repeat(2000) },
      nextAttemptAt: t.clock.now,
    })
    expect(result.ok && result.change.error?.message.length).toBe(2000)
  })

  it('a throwing listener does not undo or block a committed step', async () => {
    const errors: unknown[] = []
    await t.reopen({ onStepChange: () => { throw new Error('publisher bug') }, onListenerError: (e) => errors.push(e) })
    const id = await createQueued(t.store)
    expect(t.store.steps.markStep(id, 'sts', { kind: 'started' }).ok).toBe(true)
    expect(t.store.steps.steps(id)[0]?.state).toBe('running')
    expect(errors.length).toBeGreaterThan(0)
  })
})

describe('engine support', () => {
  it('lists due applicants in order of waiting, never one with a running step', async () => {
    const a = await createQueued(t.store)
    t.clock.advance(10)
    const b = await createQueued(t.store)
    await t.store.applicants.create({ identity, operatorId: null, consent: null })
    expect(dueSteps(t.store, t.clock.now, 10).map((w) => w.applicantId)).toEqual([a, b])
    expect(dueSteps(t.store, t.clock.now, 1).map((w) => w.applicantId)).toEqual([a])
    t.store.steps.markStep(a, 'sts', { kind: 'started' })
    expect(dueSteps(t.store, t.clock.now, 10).map((w) => w.applicantId)).toEqual([b])
    t.store.steps.markStep(a, 'sts', { kind: 'done' })
    const work = dueSteps(t.store, t.clock.now, 10).find((w) => w.applicantId === a)
    expect(work?.due[0]).toBe('upload:front')
    runSteps(t.store, a, submissionSteps.slice(1))
    expect(dueSteps(t.store, t.clock.now, 10).map((w) => w.applicantId)).toEqual([b])
  })

  it('resetRunningSteps replays what a crash left running', async () => {
    const id = await createQueued(t.store)
    runSteps(t.store, id, ['sts'])
    t.store.steps.markStep(id, 'upload:front', { kind: 'started' })
    t.store.steps.markStep(id, 'upload:back', { kind: 'started' })
    const store = await t.reopen()
    const recovered = await store.recover({ graceMs: 0 })
    expect(recovered.steps.map((c) => [c.step, c.state, c.attempts])).toEqual([
      ['upload:front', 'pending', 1],
      ['upload:back', 'pending', 1],
    ])
    expect(expectConsistent(id)).toBe('syncing')
    expect(dueSteps(store, t.clock.now, 10)[0]?.due).toEqual(expect.arrayContaining(['upload:front', 'upload:back']))
    expect(store.events.listForApplicant(id).at(-1)).toMatchObject({ type: 'steps-recovered', details: { steps: ['upload:front', 'upload:back'] } })
  })
})

describe('edits', () => {
  it('a new back image re-runs only upload:back, authnew:3 and reconcile', async () => {
    const id = await createQueued(t.store)
    runSteps(t.store, id, submissionSteps)
    const before = t.store.applicants.get(id)
    if (before?.stage !== 'queued') throw new Error('expected queued')
    changes = []
    const result = await t.store.applicants.update(id, { images: { back: imageInput() } }, 'op-2')
    expect(result).toEqual({ ok: true, status: 'syncing', resetSteps: ['upload:back', 'authnew:3', 'reconcile'] })
    expect(t.store.steps.steps(id).filter((s) => s.state === 'pending').map((s) => s.name)).toEqual(['upload:back', 'authnew:3', 'reconcile'])
    expect(changes.map((c) => c.step)).toEqual(['upload:back', 'authnew:3', 'reconcile'])
    expect(t.store.images.has(before.images.back.sha256)).toBe(false)
    expect(t.store.steps.stepData(id, 'upload:back')).toBeNull()
    expect(dueSteps(t.store, t.clock.now, 10)[0]?.due).toEqual(['upload:back', 'authnew:3', 'reconcile'])
    expect(t.store.events.listForApplicant(id).at(-1)).toMatchObject({
      type: 'edited',
      operatorId: 'op-2',
      details: { fields: [], slots: ['back'], resetSteps: ['upload:back', 'authnew:3', 'reconcile'] },
    })
    expectConsistent(id)
  })

  it('an identity change re-runs authnew 1-4 and reconcile; a new uid everything; a new token nothing', async () => {
    const id = await createQueued(t.store)
    runSteps(t.store, id, submissionSteps)
    const edit = await t.store.applicants.update(id, { identity: { ...identity, givenName: '明' } }, null)
    expect(edit).toMatchObject({ resetSteps: ['authnew:1', 'authnew:2', 'authnew:3', 'authnew:4', 'reconcile'] })
    expect(t.store.applicants.get(id)).toMatchObject({ identity: { givenName: '明' } })
    runSteps(t.store, id, ['authnew:1', 'authnew:2', 'authnew:3', 'authnew:4', 'reconcile'])
    expect(await t.store.applicants.update(id, { binding: { ...binding, token: 'tk_new' } }, null)).toMatchObject({ resetSteps: [] })
    expect(expectConsistent(id)).toBe('submitted')
    expect(await t.store.applicants.update(id, { binding: { uid: '42', token: 'tk_new' } }, null)).toMatchObject({ resetSteps: submissionSteps })
    expect(expectConsistent(id)).toBe('queued')
    expect(await t.store.applicants.update(id, { identity: { ...identity, givenName: '明' } }, null)).toMatchObject({ resetSteps: [] })
  })
})

describe('liveness', () => {
  it('runs only when asked: pending -> verified; an expired token goes back to submitted', async () => {
    const id = await createQueued(t.store)
    runSteps(t.store, id, submissionSteps)
    expect(dueSteps(t.store, t.clock.now, 10)).toEqual([])
    expect(t.store.steps.requestLiveness(id, 'op-1')).toEqual({ ok: true, status: 'submitted' })
    expect(dueSteps(t.store, t.clock.now, 10)[0]?.due).toEqual(['liveness:token', 'liveness:result'])
    runSteps(t.store, id, ['liveness:token'])
    expect(expectConsistent(id)).toBe('liveness-pending')
    expect(t.store.steps.stepData(id, 'liveness:token')).toMatchObject({ verifyToken: 'vt_secret_0011223344' })
    t.store.steps.markStep(id, 'liveness:result', { kind: 'started' })
    t.store.steps.markStep(id, 'liveness:result', { kind: 'failed-transient', error: { code: '-1002', message: '未认证' }, nextAttemptAt: t.clock.now + 5000 })
    expect(expectConsistent(id)).toBe('liveness-pending')
    expect(t.store.steps.cancelLiveness(id, null)).toEqual({ ok: true, status: 'submitted' })
    expect(t.store.steps.stepData(id, 'liveness:token')).toBeNull()
    expect(dueSteps(t.store, t.clock.now + 1e6, 10)).toEqual([])
    t.store.steps.requestLiveness(id, 'op-1')
    runSteps(t.store, id, ['liveness:token', 'liveness:result'])
    expect(expectConsistent(id)).toBe('verified')
    expect(t.store.steps.requestLiveness(id, null)).toEqual({ ok: false, reason: 'not-submitted' })
  })

  it('starts by itself after reconcile when the applicant was captured with auto liveness', async () => {
    const { id } = await t.store.applicants.create({ ...completeDraft(), livenessAuto: true })
    t.store.applicants.queue(id, null)
    runSteps(t.store, id, submissionSteps)
    expect(t.store.steps.steps(id).map((s) => s.name)).toContain('liveness:token')
    expect(dueSteps(t.store, t.clock.now, 10)[0]?.due).toEqual(['liveness:token', 'liveness:result'])
  })

  it('an edit that re-runs submission steps withdraws liveness', async () => {
    const id = await createQueued(t.store)
    runSteps(t.store, id, submissionSteps)
    t.store.steps.requestLiveness(id, null)
    runSteps(t.store, id, ['liveness:token', 'liveness:result'])
    const edit = await t.store.applicants.update(id, { identity: { ...identity, surname: '欧' } }, null)
    expect(edit).toMatchObject({ status: 'syncing', resetSteps: ['authnew:1', 'authnew:2', 'authnew:3', 'authnew:4', 'reconcile', 'liveness:token', 'liveness:result'] })
    runSteps(t.store, id, ['authnew:1', 'authnew:2', 'authnew:3', 'authnew:4', 'reconcile'])
    expect(expectConsistent(id)).toBe('submitted')
    expect(dueSteps(t.store, t.clock.now, 10)).toEqual([])
  })
})

/** What the runner passes when nothing waits for a retry and auto-liveness is off. */
const record = { retryAt: 0, autoLiveness: false }

describe('recording an outcome off the event loop', () => {
  it('shows the change at once, and resolves `whenDurable` only after a WAL sync', async () => {
    const synced: string[] = []
    let finish = () => {}
    const gated = await openTestStore({
      syncFile: (path) => {
        synced.push(path)
        return new Promise<void>((resolve) => (finish = resolve))
      },
      maxUnsyncedMs: 60_000,
    })
    try {
      const { store, dir } = gated
      const id = await createQueued(store)
      store.steps.markStep(id, 'sts', { kind: 'started' })
      const result = store.steps.recordStep(id, 'sts', { kind: 'done' }, record)
      // Visible (committed) before it is durable, and no sync until someone asks for one.
      expect(result).toMatchObject({ ok: true })
      expect(store.steps.steps(id).find((s) => s.name === 'sts')?.state).toBe('done')
      await new Promise((resolve) => setImmediate(resolve))
      expect(synced).toEqual([])

      let durable = false
      const waiting = store.steps.whenDurable().then(() => (durable = true))
      await new Promise((resolve) => setImmediate(resolve))
      expect(synced).toEqual([join(dir, 'kyc-desk.sqlite-wal')])
      expect(durable).toBe(false)
      finish()
      await waiting
      expect(durable).toBe(true)
    } finally {
      gated.cleanup()
    }
  })

  it('syncs an outcome nobody waits for within maxUnsyncedMs, and asks nothing for a refused one', async () => {
    let syncs = 0
    const soon = await openTestStore({ syncFile: async () => void syncs++, maxUnsyncedMs: 5 })
    try {
      const { store } = soon
      const id = await createQueued(store)
      store.steps.markStep(id, 'sts', { kind: 'started' })
      expect(store.steps.recordStep(id, 'sts', { kind: 'done' }, record).ok).toBe(true)
      // Two more commits within the window share the one sync it promised.
      store.steps.markStarted(id, ['upload:front'])
      store.steps.recordStep(id, 'upload:front', { kind: 'done', data: { objectKey: 'kyc/1/a/front.jpg' } }, record)
      await vi.waitFor(() => expect(syncs).toBe(1), { timeout: 2_000, interval: 5 })
      await new Promise((resolve) => setTimeout(resolve, 30))
      expect(syncs).toBe(1)

      // A refused outcome wrote nothing, so it promises no sync.
      expect(store.steps.recordStep(id, 'sts', { kind: 'done' }, record)).toMatchObject({ ok: false, reason: 'invalid-transition' })
      await new Promise((resolve) => setTimeout(resolve, 30))
      expect(syncs).toBe(1)
    } finally {
      soon.cleanup()
    }
  })

  it('syncs the WAL SQLite really writes, even when the database was opened through a symbolic link', async () => {
    // SQLite names the WAL after the file a link points to; syncing `<link>-wal` would find nothing.
    const real = join(t.dir, 'elsewhere')
    mkdirSync(real)
    writeFileSync(join(real, 'queue.sqlite'), '')
    symlinkSync(join(real, 'queue.sqlite'), join(t.dir, 'linked.sqlite'))
    const linked = await openTestStore({ dbFile: join(t.dir, 'linked.sqlite') })
    try {
      const id = await createQueued(linked.store)
      linked.store.steps.markStarted(id, ['sts'])
      expect(linked.store.steps.recordStep(id, 'sts', { kind: 'done' }, record).ok).toBe(true)
      await expect(linked.store.steps.whenDurable()).resolves.toBeUndefined()
    } finally {
      linked.cleanup()
    }
  })
})

describe('starting steps side by side', () => {
  it('marks every upload started in one commit, and refuses all of them if one cannot start', async () => {
    const id = await createQueued(t.store)
    runSteps(t.store, id, ['sts'])
    changes = []
    const uploads = ['upload:front', 'upload:back', 'upload:hand'] as const
    const started = t.store.steps.markStarted(id, uploads)
    expect(started.ok && started.changes.map((c) => [c.step, c.state, c.attempts, c.status])).toEqual(
      uploads.map((n) => [n, 'running', 1, 'syncing']),
    )
    expect(changes.map((c) => c.step)).toEqual([...uploads])
    expect(t.store.events.listForApplicant(id).filter((e) => e.type === 'step-started')).toHaveLength(4)
    expectConsistent(id)

    // authnew:1 can start, upload:front is already running: neither is touched.
    const refused = t.store.steps.markStarted(id, ['authnew:1', 'upload:front'])
    expect(refused).toMatchObject({ ok: false, reason: 'invalid-transition', from: 'running' })
    expect(t.store.steps.steps(id).find((s) => s.name === 'authnew:1')).toMatchObject({ state: 'pending', attempts: 0 })
  })
})

describe('recording a result returns what to plan from', () => {
  it('commits the result alone and returns the steps as it left them; the next start is a commit of its own', async () => {
    const id = await createQueued(t.store)
    t.store.steps.markStep(id, 'sts', { kind: 'started' })
    changes = []
    const result = t.store.steps.recordStep(id, 'sts', { kind: 'done' }, record)
    expect(result.ok && result.steps.map((s) => [s.name, s.state])).toEqual(t.store.steps.steps(id).map((s) => [s.name, s.state]))
    expect(result).toMatchObject({ ok: true, livenessRequested: false })
    expect(changes.map((c) => `${c.step}:${c.state}`)).toEqual(['sts:done'])
    expectConsistent(id)

    t.store.steps.markStarted(id, ['upload:front', 'upload:back'])
    const failed = t.store.steps.recordStep(id, 'upload:back', { kind: 'transient', code: '503', message: 'busy', network: false }, { ...record, retryAt: t.clock.now + 1000 })
    expect(failed.ok && failed.steps.find((s) => s.name === 'upload:back')).toMatchObject({ state: 'pending', nextAttemptAt: t.clock.now + 1000 })
    expect(t.store.steps.steps(id).find((s) => s.name === 'authnew:1')?.state).toBe('pending')
  })
})
