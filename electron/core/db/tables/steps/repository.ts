import { z } from 'zod'
import { errorReasonSchema, type ErrorReason } from '../../../../../shared/contract/errors'
import { stepNames, stepStates, type StepName, type StepSnapshot, type StepState } from '../../../../../shared/domain/steps'
import type { Db } from '../../connection'
import { asRow, ColumnError, int, intOrNull, oneOf, oneOfOrNull, text, textOrNull, type Row } from '../../columns'
import * as sql from './statements'

const names: ReadonlySet<string> = new Set(stepNames)
const states: ReadonlySet<string> = new Set(stepStates)
const errorKinds: ReadonlySet<string> = new Set(['transient', 'refused', 'invalid'])

export class StepRowError extends Error {
  override readonly name = 'StepRowError'
}

/** A stored reason that no longer parses is dropped, not fatal: the English message still says what happened. */
function reasonOrNull(json: string | null): ErrorReason | null {
  if (json === null) return null
  try {
    const parsed = errorReasonSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * Checks and maps one `applicant_steps` row. Written out by hand rather than as a zod schema: the
 * checks are the same, but zod's per-row copies were most of a dashboard page's cost (500
 * applicants are 4,500 step rows) and most of its garbage.
 */
function parseStepRow(row: unknown): StepRow {
  let raw: Row = {}
  try {
    raw = asRow(row)
    const kind = oneOfOrNull<StepErrorKind>(raw, 'error_kind', errorKinds)
    const code = textOrNull(raw, 'error_code')
    const message = textOrNull(raw, 'error_message')
    const reason = reasonOrNull(textOrNull(raw, 'error_reason'))
    int(raw, 'seq')
    return {
      applicantId: text(raw, 'applicant_id'),
      snapshot: {
        name: oneOf<StepName>(raw, 'name', names),
        state: oneOf<StepState>(raw, 'state', states),
        attempts: int(raw, 'attempts', 0),
        nextAttemptAt: intOrNull(raw, 'next_attempt_at'),
        updatedAt: int(raw, 'updated_at'),
        // The table's CHECK keeps the three error columns all set or all null.
        lastError: kind !== null && code !== null && message !== null ? { kind, code, message, ...(reason ? { reason } : {}) } : null,
      },
    }
  } catch (error) {
    if (!(error instanceof ColumnError)) throw error
    throw new StepRowError(`an applicant_steps row does not have the expected shape (applicant ${String(raw.applicant_id)}, step ${String(raw.name)})`)
  }
}

type StepErrorKind = NonNullable<StepSnapshot['lastError']>['kind']

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
      withFailedSteps: db.prepare(sql.withFailedSteps).pluck(),
    }
  }

  insertPending(applicantId: string, names: readonly StepName[], at: number): void {
    for (const name of names) this.s.insert.run(applicantId, name, stepSeq(name), at)
  }

  forApplicant(applicantId: string): StepSnapshot[] {
    return this.s.forApplicant.all(applicantId).map((r) => parseStepRow(r).snapshot)
  }

  get(applicantId: string, name: StepName): StepSnapshot | undefined {
    const row = this.s.get.get(applicantId, name)
    return row === undefined ? undefined : parseStepRow(row).snapshot
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
      error_reason: step.lastError?.reason ? JSON.stringify(step.lastError.reason) : null,
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

  applicantsWithFailedSteps(): string[] {
    return z.array(z.string()).parse(this.s.withFailedSteps.all())
  }

  running(): StepRow[] {
    return this.s.running.all().map((r) => parseStepRow(r))
  }

  /** Steps of many applicants at once (a dashboard page), grouped by applicant id. */
  forApplicants(applicantIds: readonly string[]): Map<string, StepSnapshot[]> {
    const grouped = new Map<string, StepSnapshot[]>(applicantIds.map((id) => [id, []]))
    if (applicantIds.length === 0) return grouped
    for (const raw of this.s.forApplicants.all(JSON.stringify(applicantIds))) {
      const row = parseStepRow(raw)
      grouped.get(row.applicantId)?.push(row.snapshot)
    }
    return grouped
  }

  clearData(applicantId: string): void {
    this.s.clearData.run(applicantId)
  }
}
