import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { submissionSteps, type StepName } from '../../../shared/domain/steps'
import { allImages, binding, consent, identity, imageInput, openTestStore, passportIdentity, runSteps, type TestStore } from '../queue/test-fixtures'
import { todayGlance } from './today-glance'

const MIN = 60_000
const at = (iso: string) => Date.parse(iso)
const SHANGHAI = 'Asia/Shanghai'

let t: TestStore
beforeEach(async () => {
  t = await openTestStore()
})
afterEach(() => t.cleanup())

/** Captured (and queued) at `capturedAt` through the store's real capture path, optionally with a blurred front image. */
async function capture(capturedAt: number, options: { blurred?: boolean; queue?: boolean } = {}): Promise<string> {
  t.clock.now = capturedAt
  const images = allImages()
  if (options.blurred) images.front = { ...imageInput(), quality: { passed: false, issues: [{ code: 'blurred', slot: 'front', measured: 4, threshold: 100 }] } }
  const { id } = await t.store.applicants.create({ identity: options.blurred ? passportIdentity : identity, binding, images, operatorId: null, consent })
  if (options.queue !== false) {
    const queued = t.store.applicants.queue(id, null)
    if (!queued.ok) throw new Error(queued.reason)
  }
  return id
}

function stepsAt(id: string, when: number, names: readonly StepName[]): void {
  t.clock.now = when
  runSteps(t.store, id, names)
}

const afterAuthnew1 = submissionSteps.slice(submissionSteps.indexOf('authnew:1'))
const beforeAuthnew1 = submissionSteps.slice(0, submissionSteps.indexOf('authnew:1'))

/**
 * The branch day of 5 December 2026 in Shanghai runs from 4 December 16:00 UTC. A is captured at
 * 07:30 Shanghai (still 4 December in UTC); B is refused once, retried, submitted and verified; C
 * was captured the day before and submitted today; D is a draft begun at 23:00.
 */
async function seedDay(): Promise<void> {
  const a = await capture(at('2026-12-04T23:30:00Z'), { blurred: true })
  stepsAt(a, at('2026-12-04T23:40:00Z'), submissionSteps)

  const b = await capture(at('2026-12-05T02:00:00Z'))
  stepsAt(b, at('2026-12-05T02:05:00Z'), beforeAuthnew1)
  t.store.steps.markStep(b, 'authnew:1', { kind: 'started' })
  t.store.steps.markStep(b, 'authnew:1', { kind: 'failed-needs-attention', error: { kind: 'refused', code: '-3001', message: '证件号码与姓名不一致 欧阳明轩' } })
  t.clock.now = at('2026-12-05T02:10:00Z')
  t.store.steps.retryFailed(b, null)
  stepsAt(b, at('2026-12-05T02:20:00Z'), afterAuthnew1)
  t.store.steps.requestLiveness(b, null)
  stepsAt(b, at('2026-12-05T02:50:00Z'), ['liveness:token', 'liveness:result'])

  const c = await capture(at('2026-12-04T02:00:00Z'))
  stepsAt(c, at('2026-12-05T03:00:00Z'), submissionSteps)

  await capture(at('2026-12-05T15:00:00Z'), { queue: false })
  t.clock.now = at('2026-12-05T15:30:00Z')
}

const hours = (entries: Record<number, number>) => Array.from({ length: 24 }, (_, h) => entries[h] ?? 0)

describe('today at a glance', () => {
  it('counts the branch day in Shanghai: statuses, durations, first-pass, reasons and hours', async () => {
    await seedDay()
    const glance = todayGlance(t.store, { now: t.clock.now, timeZone: SHANGHAI })

    expect(glance.dayStart).toBe(at('2026-12-04T16:00:00Z'))
    expect(glance.dayEnd).toBe(at('2026-12-05T16:00:00Z'))
    expect(glance.captured).toBe(3)
    expect(glance.byStatus).toMatchObject({ draft: 1, submitted: 1, verified: 1, queued: 0, 'needs-attention': 0 })
    expect(glance.submitted).toBe(3)
    // A and C went through without a refusal; B was refused once before it was accepted.
    expect(glance.firstPass).toBe(2)
    expect(glance.captureToSubmitted).toEqual({ count: 3, medianMs: 20 * MIN, p90Ms: 25 * 60 * MIN })
    expect(glance.verified).toBe(1)
    expect(glance.captureToVerified).toEqual({ count: 1, medianMs: 50 * MIN, p90Ms: 50 * MIN })
    expect(glance.refusals).toEqual([{ step: 'authnew:1', code: '-3001', count: 1 }])
    expect(glance.imageFindings).toEqual([{ code: 'blurred', count: 1 }])
    expect(glance.hourly.captured).toEqual(hours({ 7: 1, 10: 1, 23: 1 }))
    expect(glance.hourly.submitted).toEqual(hours({ 7: 1, 10: 1, 11: 1 }))
  })

  it('draws the same events into another day in UTC', async () => {
    await seedDay()
    const glance = todayGlance(t.store, { now: t.clock.now, timeZone: 'UTC' })

    expect(glance.dayStart).toBe(at('2026-12-05T00:00:00Z'))
    expect(glance.captured).toBe(2)
    expect(glance.byStatus).toMatchObject({ draft: 1, verified: 1, submitted: 0 })
    expect(glance.submitted).toBe(2)
    expect(glance.firstPass).toBe(1)
    expect(glance.imageFindings).toEqual([])
    expect(glance.hourly.captured).toEqual(hours({ 2: 1, 15: 1 }))
    expect(glance.hourly.submitted).toEqual(hours({ 2: 1, 3: 1 }))
  })

  it('holds no personal data: no name, document number, account, token, reference or id', async () => {
    await seedDay()
    const text = JSON.stringify(todayGlance(t.store, { now: t.clock.now, timeZone: SHANGHAI }))
    const page = t.store.applicants.list({ offset: 0, limit: 10, order: 'oldest' }).items
    const secrets = [identity.surname, identity.givenName, identity.documentNumber, passportIdentity.surname, passportIdentity.documentNumber, binding.uid, binding.token, ...page.flatMap((a) => [a.id, a.reference])]
    expect(page).toHaveLength(4)
    for (const secret of secrets) expect(text).not.toContain(secret)
    // The platform's refusal message quoted the name; only its code reaches the glance.
    expect(text).not.toContain('证件号码')
  })

  it('is an idle day when nothing happened today', async () => {
    const id = await capture(at('2026-12-04T02:00:00Z'))
    stepsAt(id, at('2026-12-04T03:00:00Z'), submissionSteps)
    const glance = todayGlance(t.store, { now: at('2026-12-05T03:00:00Z'), timeZone: SHANGHAI })
    expect(glance).toMatchObject({ captured: 0, submitted: 0, verified: 0, firstPass: 0, captureToSubmitted: null, captureToVerified: null, refusals: [], imageFindings: [] })
    expect(Object.values(glance.byStatus).every((n) => n === 0)).toBe(true)
  })

  it('logs an image finding once, not again when the same image is kept with a reason', async () => {
    const id = await capture(at('2026-12-05T02:00:00Z'), { blurred: true, queue: false })
    const front = t.store.applicants.get(id)
    if (!front || front.stage === 'purged') throw new Error('no draft')
    const stored = front.images.front
    if (!stored) throw new Error('no front image')
    await t.store.applicants.update(id, { images: { front: { source: { sha256: stored.sha256, byteSize: stored.byteSize }, width: stored.width, height: stored.height, quality: stored.quality, overrideReason: 'the customer cannot wait' } } }, null)
    expect(todayGlance(t.store, { now: t.clock.now, timeZone: SHANGHAI }).imageFindings).toEqual([{ code: 'blurred', count: 1 }])
  })
})
