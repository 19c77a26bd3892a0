import { z } from 'zod'
import type { Db } from '../../connection'
import { jsonObjectSchema, parseJsonColumn, type JsonObject } from '../../json'
import * as sql from './statements'

/**
 * What the audit trail records. Checked here rather than by a SQL CHECK so that adding a type
 * never needs a table rebuild (awkward for a table whose rows may not be deleted).
 */
export const eventTypes = [
  'captured',
  'edited',
  'queued',
  'step-started',
  'step-done',
  'step-failed',
  'steps-reset',
  'steps-recovered',
  'retried',
  'rebound',
  'liveness-requested',
  'liveness-cancelled',
  'override',
  'removed',
  'purged',
  'exported',
  'signed-in',
  'signed-out',
  'operator-created',
  'operator-disabled',
  'operator-enabled',
  'operator-role-changed',
  'pin-reset',
  'pin-changed',
  'access-refused',
  'settings-changed',
  'sign-in-failed',
  'locked',
  'stale-flagged',
  'revealed',
  'backup-created',
  'backup-restored',
  'training-left',
  'training-removed',
  'applicants-retargeted',
  'language-changed',
  'image-flagged',
  'receipt-printed',
  'consent-printed',
] as const
export const eventTypeSchema = z.enum(eventTypes)
export type EventType = z.infer<typeof eventTypeSchema>

/** For the check on every append: a set lookup (it runs in every step's commit). */
const knownEventTypes: ReadonlySet<string> = new Set(eventTypes)

export class UnknownEventTypeError extends Error {
  override readonly name = 'UnknownEventTypeError'
}

export interface NewEvent {
  readonly at: number
  readonly applicantId: string | null
  readonly operatorId: string | null
  readonly type: EventType
  /** Names, codes and counts only: never a name, a document number, a token or an image. */
  readonly details: JsonObject
}

export interface EventRecord extends NewEvent {
  readonly id: number
}

const eventRowSchema = z
  .object({
    id: z.number().int(),
    at: z.number().int(),
    applicant_id: z.string().nullable(),
    operator_id: z.string().nullable(),
    type: eventTypeSchema,
    details: z.string(),
  })
  .transform(
    (r): EventRecord => ({
      id: r.id,
      at: r.at,
      applicantId: r.applicant_id,
      operatorId: r.operator_id,
      type: r.type,
      details: parseJsonColumn(r.details, jsonObjectSchema),
    }),
  )

/** An event as the day's glance reads it: no operator, details as stored. */
export interface ActivityEvent {
  readonly at: number
  readonly applicantId: string | null
  readonly type: EventType
  readonly details: JsonObject
}

const activityRowSchema = z
  .object({ at: z.number().int(), applicant_id: z.string().nullable(), type: eventTypeSchema, details: z.string() })
  .transform((r): ActivityEvent => ({ at: r.at, applicantId: r.applicant_id, type: r.type, details: parseJsonColumn(r.details, jsonObjectSchema) }))

export class EventsRepository {
  private readonly s

  constructor(db: Db) {
    this.s = {
      append: db.prepare(sql.append),
      forApplicant: db.prepare(sql.forApplicant),
      after: db.prepare(sql.after),
      activityBetween: db.prepare(sql.activityBetween),
      activityOf: db.prepare(sql.activityOf),
    }
  }

  append(event: NewEvent): number {
    // The type is checked by the compiler; this catches a value that slipped past it (a cast, a
    // command-line caller), since the audit log's vocabulary is closed.
    if (!knownEventTypes.has(event.type)) throw new UnknownEventTypeError(`not an audit event type: ${String(event.type)}`)
    const result = this.s.append.run({
      at: event.at,
      applicant_id: event.applicantId,
      operator_id: event.operatorId,
      type: event.type,
      details: JSON.stringify(event.details),
    })
    return Number(result.lastInsertRowid)
  }

  /** Oldest first; page with `afterId` (the last id seen). */
  listForApplicant(applicantId: string, options: { afterId?: number; limit?: number } = {}): EventRecord[] {
    return this.s.forApplicant
      .all(applicantId, options.afterId ?? 0, options.limit ?? 1000)
      .map((r) => eventRowSchema.parse(r))
  }

  /** Captures, step outcomes and image findings in `[from, to)`, oldest first: the day's glance. */
  activityBetween(from: number, to: number): ActivityEvent[] {
    return this.s.activityBetween.all(from, to).map((r) => activityRowSchema.parse(r))
  }

  /** The same kinds of event for one applicant, its whole history. */
  activityOf(applicantId: string): ActivityEvent[] {
    return this.s.activityOf.all(applicantId).map((r) => activityRowSchema.parse(r))
  }

  /** Every event in order, paged, for exports. */
  listAfter(afterId: number, limit: number): EventRecord[] {
    return this.s.after.all(afterId, limit).map((r) => eventRowSchema.parse(r))
  }
}
