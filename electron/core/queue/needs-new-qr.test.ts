import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bindingAwaitedStatuses, hasOldBinding, oldBindingCutoff } from '../../../shared/domain/binding-age'
import { submissionSteps, type StepName } from '../../../shared/domain/steps'
import { rebindApplicant, waitingForNewQr, type RebindDeps } from './rebind'
import { binding, createQueued, openTestStore, runSteps, type TestStore } from './test-fixtures'
import type { StepChange } from './types'

let t: TestStore
let changes: StepChange[]
beforeEach(async () => {
  changes = []
  t = await openTestStore({ onStepChange: (c) => changes.push(c) })
})
afterEach(() => t.cleanup())

const expired = { kind: 'refused', code: '-1001', message: '用户未登录或登录已失效，请重新登录' } as const
const hour = 60 * 60_000

/** Runs the steps before `name`, then has the platform refuse `name` with `error`. */
async function refusedAt(name: StepName, error: { kind: 'refused'; code: string; message: string } = expired): Promise<string> {
  const id = await createQueued(t.store)
  runSteps(t.store, id, submissionSteps.slice(0, submissionSteps.indexOf(name)))
  t.store.steps.markStep(id, name, { kind: 'started' })
  t.store.steps.markStep(id, name, { kind: 'failed-needs-attention', error })
  return id
}

function rebindDeps(): RebindDeps {
  return {
    store: t.store,
    operatorId: () => null,
    retry: (ids, operatorId) => ids.forEach((id) => t.store.steps.retryFailed(id, operatorId)),
  }
}

const stateOf = (id: string) => Object.fromEntries(t.store.steps.steps(id).map((s) => [s.name, { state: s.state, attempts: s.attempts }]))

describe('needs a new account QR', () => {
  it('is the status when the platform refuses with a binding-expired code; the engine leaves it alone', async () => {
    const id = await refusedAt('authnew:2')
    expect(t.store.applicants.get(id)?.status).toBe('needs-new-qr')
    expect(changes.at(-1)).toMatchObject({ applicantId: id, step: 'authnew:2', status: 'needs-new-qr' })
    expect(t.store.applicants.countsByStatus()).toMatchObject({ 'needs-new-qr': 1, 'needs-attention': 0 })
    expect(t.store.steps.dueApplicants(t.clock.now + 365 * 24 * hour, 10)).toEqual([])
    expect(t.store.applicants.list({ status: 'needs-new-qr' }).items.map((a) => a.id)).toEqual([id])
  })

  it('is needs-attention for any other refusal, and when a refusal besides the expired binding needs a person', async () => {
    const other = await refusedAt('authnew:2', { kind: 'refused', code: '-1002', message: '参数错误' })
    expect(t.store.applicants.get(other)?.status).toBe('needs-attention')
    const id = await createQueued(t.store)
    runSteps(t.store, id, ['sts'])
    t.store.steps.markStarted(id, ['upload:front', 'upload:back'])
    t.store.steps.markStep(id, 'upload:front', { kind: 'failed-needs-attention', error: expired })
    expect(t.store.applicants.get(id)?.status).toBe('needs-new-qr')
    t.store.steps.markStep(id, 'upload:back', { kind: 'failed-needs-attention', error: { kind: 'refused', code: 'AccessDenied', message: 'denied' } })
    expect(t.store.applicants.get(id)?.status).toBe('needs-attention')
  })

  it('follows IT’s error-action table: a code mapped to rebind later moves stopped applicants, and back', async () => {
    const id = await refusedAt('sts', { kind: 'refused', code: '401', message: 'token invalid' })
    expect(t.store.applicants.get(id)?.status).toBe('needs-attention')
    changes = []
    const moved = t.store.setErrorActions({ '401': 'rebind' })
    expect(moved).toEqual([expect.objectContaining({ applicantId: id, step: 'sts', status: 'needs-new-qr' })])
    expect(changes).toEqual(moved)
    expect(t.store.applicants.countsByStatus()['needs-new-qr']).toBe(1)
    expect(t.store.setErrorActions({ '401': 'rebind' })).toEqual([])
    t.store.setErrorActions({})
    expect(t.store.applicants.get(id)?.status).toBe('needs-attention')
  })
})

describe('re-binding an applicant that needs a new account QR', () => {
  const fresh = { uid: binding.uid, token: 'tk_fresh_0f1e2d3c4b5a69788796a5b4' }

  it('leaves the state with the new token; only the refused step and those after it run, done steps stay done', async () => {
    const id = await refusedAt('authnew:2')
    const before = stateOf(id)
    expect(waitingForNewQr(t.store, binding.uid).map((w) => w.id)).toEqual([id])
    expect(waitingForNewQr(t.store, '123')).toEqual([])

    const result = await rebindApplicant(rebindDeps(), id, fresh, 'capture')

    expect(result.status).toBe('syncing')
    const after = stateOf(id)
    for (const name of ['sts', 'upload:front', 'upload:back', 'upload:hand', 'authnew:1'] as const) expect(after[name]).toEqual(before[name])
    expect(after['authnew:2']).toEqual({ state: 'pending', attempts: 1 })
    expect(t.store.steps.steps(id).find((s) => s.name === 'authnew:2')?.lastError).toBeNull()
    const record = t.store.applicants.get(id)
    expect(record?.stage === 'queued' && record.binding).toEqual(fresh)
    expect(t.store.steps.dueApplicants(t.clock.now, 10).map((d) => d.applicantId)).toEqual([id])
    const rebound = t.store.events.listForApplicant(id).filter((e) => e.type === 'rebound')
    expect(rebound).toEqual([expect.objectContaining({ details: { source: 'capture', steps: ['authnew:2'] } })])
    runSteps(t.store, id, ['authnew:2', 'authnew:3', 'authnew:4', 'reconcile'])
    expect(t.store.applicants.get(id)?.status).toBe('submitted')
  })

  it('refuses another account’s QR and an applicant that is not waiting for one', async () => {
    const id = await refusedAt('sts')
    await expect(rebindApplicant(rebindDeps(), id, { uid: '42', token: fresh.token }, 'capture')).rejects.toMatchObject({ reason: { key: 'capture.rebind.otherAccount' } })
    const other = await refusedAt('sts', { kind: 'refused', code: '-1002', message: 'bad' })
    await expect(rebindApplicant(rebindDeps(), other, fresh, 'detail')).rejects.toMatchObject({ reason: { key: 'capture.rebind.notWaiting' } })
    expect(t.store.applicants.get(id)?.status).toBe('needs-new-qr')
  })
})

describe('an offline applicant’s old binding', () => {
  it('is counted past the warning age until submitted or re-bound; the binding time moves only with a new token', async () => {
    const id = await createQueued(t.store)
    const scannedAt = t.store.applicants.summary(id)?.bindingAt
    expect(scannedAt).toBe(t.clock.now)
    const old = () => t.store.applicants.countOldBindings(oldBindingCutoff(t.clock.now, 12), bindingAwaitedStatuses)

    t.clock.advance(11 * hour)
    expect(old()).toBe(0)
    t.clock.advance(2 * hour)
    expect(old()).toBe(1)
    expect(hasOldBinding(t.store.applicants.summary(id)!, t.clock.now, 12)).toBe(true)
    expect(hasOldBinding(t.store.applicants.summary(id)!, t.clock.now, 24)).toBe(false)

    await t.store.applicants.update(id, { binding }, null)
    expect(t.store.applicants.summary(id)?.bindingAt).toBe(scannedAt)
    await t.store.applicants.update(id, { binding: { ...binding, token: 'tk_newer_00112233445566778899' } }, null)
    expect(t.store.applicants.summary(id)?.bindingAt).toBe(t.clock.now)
    expect(old()).toBe(0)

    t.clock.advance(13 * hour)
    expect(old()).toBe(1)
    runSteps(t.store, id, submissionSteps)
    expect(old()).toBe(0)
    expect(hasOldBinding(t.store.applicants.summary(id)!, t.clock.now, 12)).toBe(false)
  })
})
