import type { DurationFigures, TodayGlance } from '../../../shared/contract/today'
import type { ImageFindingCode } from '../../../shared/domain/image-findings'
import { imageFindingCodeSchema } from '../../../shared/domain/image-findings'
import { stepNameSchema, livenessNotVerifiedCode, type StepName } from '../../../shared/domain/steps'
import { startOfDayInZone } from '../../../shared/format/time'
import type { ActivityEvent } from '../db/tables/events/repository'
import type { KycStore } from '../queue/store'
import { nearestRank } from './percentile'

const HOUR = 3_600_000

/** The moments a day's figures hang on, read from one applicant's whole history. */
interface Milestones {
  captured: number | null
  submitted: number | null
  verified: number | null
  /** Whether any refusal came before the first submission. */
  refusedBeforeSubmitted: boolean
}

/**
 * A refusal: a step a person must act on (`refused` by the platform, or `invalid`). The face
 * check's "not verified yet" is the customer still at it, not a refusal.
 */
function refusalOf(e: ActivityEvent): { step: StepName; code: string } | null {
  if (e.type !== 'step-failed') return null
  const { kind, code, step } = e.details
  if (kind !== 'refused' && kind !== 'invalid') return null
  const name = stepNameSchema.safeParse(step)
  if (!name.success || typeof code !== 'string') return null
  if (name.data === 'liveness:result' && code === livenessNotVerifiedCode) return null
  return { step: name.data, code }
}

const doneStep = (e: ActivityEvent): unknown => (e.type === 'step-done' ? e.details.step : null)

/** The capture itself, not the chip-read note the capture screen adds when it queues (`source`). */
const isCapture = (e: ActivityEvent): boolean => e.type === 'captured' && e.details.source === undefined

function milestonesOf(history: readonly ActivityEvent[]): Milestones {
  const m: Milestones = { captured: null, submitted: null, verified: null, refusedBeforeSubmitted: false }
  for (const e of history) {
    if (m.captured === null && isCapture(e)) m.captured = e.at
    if (m.submitted === null && refusalOf(e) !== null) m.refusedBeforeSubmitted = true
    const step = doneStep(e)
    if (m.submitted === null && step === 'reconcile') m.submitted = e.at
    if (m.verified === null && step === 'liveness:result') m.verified = e.at
  }
  return m
}

function figures(durations: number[]): DurationFigures {
  if (durations.length === 0) return null
  const sorted = durations.sort((a, b) => a - b)
  return { count: sorted.length, medianMs: nearestRank(sorted, 0.5), p90Ms: nearestRank(sorted, 0.9) }
}

/** Most frequent first; ties keep the order they were first seen in (earliest first). */
function top<T extends { count: number }>(items: Iterable<T>, limit: number): T[] {
  return [...items].sort((a, b) => b.count - a.count).slice(0, limit)
}

function bump(series: number[], index: number): void {
  series[index] = (series[index] ?? 0) + 1
}

/**
 * Today at a glance, from the audit log: one range read of today's events on the time index,
 * then the history of each applicant submitted or verified today (on the applicant index), for
 * when it was captured and whether it was refused first. Counts, durations and codes only.
 */
export function todayGlance(store: Pick<KycStore, 'events' | 'applicants'>, options: { now: number; timeZone: string }): TodayGlance {
  const dayStart = startOfDayInZone(options.now, options.timeZone)
  // A day is 23 to 25 hours where clocks change; the next midnight is found, not assumed.
  const dayEnd = startOfDayInZone(dayStart + 26 * HOUR, options.timeZone)
  const hourOf = (at: number) => Math.min(23, Math.floor((at - dayStart) / HOUR))
  const hourly = { captured: new Array<number>(24).fill(0), submitted: new Array<number>(24).fill(0) }
  const capturedToday = new Set<string>()
  const finishedToday = new Set<string>()
  const refusals = new Map<string, { step: StepName; code: string; count: number }>()
  const findings = new Map<ImageFindingCode, number>()

  for (const e of store.events.activityBetween(dayStart, dayEnd)) {
    const id = e.applicantId
    if (id === null) continue
    if (isCapture(e) && !capturedToday.has(id)) {
      capturedToday.add(id)
      bump(hourly.captured, hourOf(e.at))
    }
    const step = doneStep(e)
    if (step === 'reconcile' || step === 'liveness:result') finishedToday.add(id)
    const refusal = refusalOf(e)
    if (refusal) {
      const key = `${refusal.step}\u0000${refusal.code}`
      const seen = refusals.get(key) ?? { ...refusal, count: 0 }
      seen.count += 1
      refusals.set(key, seen)
    }
    if (e.type === 'image-flagged' && Array.isArray(e.details.codes)) {
      for (const raw of e.details.codes) {
        const code = imageFindingCodeSchema.safeParse(raw)
        if (code.success) findings.set(code.data, (findings.get(code.data) ?? 0) + 1)
      }
    }
  }

  const inDay = (at: number | null): at is number => at !== null && at >= dayStart && at < dayEnd
  const toSubmitted: number[] = []
  const toVerified: number[] = []
  let submitted = 0
  let verified = 0
  let firstPass = 0
  for (const id of finishedToday) {
    const m = milestonesOf(store.events.activityOf(id))
    // Counted on the day of its first submission: a re-submission after an edit is not a new one.
    if (inDay(m.submitted)) {
      submitted += 1
      bump(hourly.submitted, hourOf(m.submitted))
      if (!m.refusedBeforeSubmitted) firstPass += 1
      if (m.captured !== null) toSubmitted.push(m.submitted - m.captured)
    }
    if (inDay(m.verified)) {
      verified += 1
      if (m.captured !== null) toVerified.push(m.verified - m.captured)
    }
  }

  return {
    dayStart,
    dayEnd,
    timeZone: options.timeZone,
    byStatus: store.applicants.statusesCreatedBetween(dayStart, dayEnd),
    captured: capturedToday.size,
    submitted,
    verified,
    captureToSubmitted: figures(toSubmitted),
    captureToVerified: figures(toVerified),
    firstPass,
    refusals: top(refusals.values(), 5),
    imageFindings: top([...findings].map(([code, count]) => ({ code, count })), 7),
    hourly,
  }
}
