import type { JsonObject } from '../db/json'
import type { ActivityEvent, EventRecord, EventType, EventsRepository } from '../db/tables/events/repository'

/** The append-only audit trail, stamped with the store's clock. */
export class AuditLog {
  constructor(
    private readonly events: EventsRepository,
    private readonly now: () => number,
  ) {}

  /** `details` must hold no personal data: names of fields, codes and counts, never values. */
  append(event: { type: EventType; applicantId?: string | null; operatorId?: string | null; details?: JsonObject }): number {
    return this.events.append({
      at: this.now(),
      applicantId: event.applicantId ?? null,
      operatorId: event.operatorId ?? null,
      type: event.type,
      details: event.details ?? {},
    })
  }

  listForApplicant(applicantId: string, options?: { afterId?: number; limit?: number }): EventRecord[] {
    return this.events.listForApplicant(applicantId, options)
  }

  listAfter(afterId: number, limit: number): EventRecord[] {
    return this.events.listAfter(afterId, limit)
  }

  activityBetween(from: number, to: number): ActivityEvent[] {
    return this.events.activityBetween(from, to)
  }

  activityOf(applicantId: string): ActivityEvent[] {
    return this.events.activityOf(applicantId)
  }
}
