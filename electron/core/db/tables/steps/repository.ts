import { z } from 'zod'
import { stepNameSchema, stepNames, stepStateSchema, type StepName, type StepSnapshot } from '../../../../../shared/domain/steps'
import type { Db } from '../../connection'
import * as sql from './statements'

const stepRowSchema = z
  .object({
    applicant_id: z.string(),
    name: stepNameSchema,
    seq: z.number().int(),
    state: stepStateSchema,
    attempts: z.number().int().nonnegative(),
    next_attempt_at: z.number().int().nullable(),
    error_kind: z.enum(['transient', 'refused', 'invalid']).nullable(),
    error_code: z.string().nullable(),
    error_message: z.string().nullable(),
    updated_at: z.number().int(),
  })
  .transform(
    (r): StepRow => ({
      applicantId: r.applicant_id,
      snapshot: {
        name: r.name,
        state: r.state,
        attempts: r.attempts,
        nextAttemptAt: r.next_attempt_at,
        updatedAt: r.updated_at,
        // The table's CHECK keeps the three error columns all set or all null.
        lastError:
          r.error_kind !== null && r.error_code !== null && r.error_message !== null
            ? { kind: r.error_kind, code: r.error_code, message: r.error_message }
            : null,
      },
    }),
  )

export interface StepRow {
  readonly applicantId: string
  readonly snapshot: StepSnapshot
}

const dataRow = z.object({ data_enc: z.instanceof(Buffer).nullable() })

export function stepSeq(name: StepName): number {
  return stepNames.indexOf(name)
}

/** Prepared statements for `applicant_steps`; rows come back as the domain's StepSnapshot. */
export class StepsRepository {
  private readonly s

  constructor(db: Db) {
    this.s = {
      insert: db.prepare(sql.insert),
      forApplicant: db.prepare(sql.forApplicant),
      get: db.prepare(sql.get),
      getData: db.prepare(sql.getData),
      update: db.prepare(sql.update),
      setData: db.prepare(sql.setData),
      remove: db.prepare(sql.remove),
      running: db.prepare(sql.running),
      forApplicants: db.prepare(sql.forApplicants),
      clearData: db.prepare(sql.clearData),
    }
  }

  insertPending(applicantId: string, names: readonly StepName[], at: number): void {
    for (const name of names) this.s.insert.run(applicantId, name, stepSeq(name), at)
  }

  forApplicant(applicantId: string): StepSnapshot[] {
    return this.s.forApplicant.all(applicantId).map((r) => stepRowSchema.parse(r).snapshot)
  }

  get(applicantId: string, name: StepName): StepSnapshot | undefined {
    const row = this.s.get.get(applicantId, name)
    return row === undefined ? undefined : stepRowSchema.parse(row).snapshot
  }

  update(applicantId: string, step: StepSnapshot): void {
    this.s.update.run({
      applicant_id: applicantId,
      name: step.name,
      state: step.state,
      attempts: step.attempts,
      next_attempt_at: step.nextAttemptAt,
      error_kind: step.lastError?.kind ?? null,
      error_code: step.lastError?.code ?? null,
      error_message: step.lastError?.message ?? null,
      updated_at: step.updatedAt,
    })
  }

  getData(applicantId: string, name: StepName): Buffer | null {
    const row = this.s.getData.get(applicantId, name)
    return row === undefined ? null : dataRow.parse(row).data_enc
  }

  setData(applicantId: string, name: StepName, sealed: Buffer | null): void {
    this.s.setData.run(sealed, applicantId, name)
  }

  remove(applicantId: string, name: StepName): boolean {
    return this.s.remove.run(applicantId, name).changes > 0
  }

  running(): StepRow[] {
    return this.s.running.all().map((r) => stepRowSchema.parse(r))
  }

  /** Steps of many applicants at once (a dashboard page), grouped by applicant id. */
  forApplicants(applicantIds: readonly string[]): Map<string, StepSnapshot[]> {
    const grouped = new Map<string, StepSnapshot[]>(applicantIds.map((id) => [id, []]))
    if (applicantIds.length === 0) return grouped
    for (const raw of this.s.forApplicants.all(JSON.stringify(applicantIds))) {
      const row = stepRowSchema.parse(raw)
      grouped.get(row.applicantId)?.push(row.snapshot)
    }
    return grouped
  }

  clearData(applicantId: string): void {
    this.s.clearData.run(applicantId)
  }
}
