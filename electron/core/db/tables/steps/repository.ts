import { z } from 'zod'
import { stepNames, stepStates, type StepName, type StepSnapshot, type StepState } from '../../../../../shared/domain/steps'
import type { Db } from '../../connection'
import * as sql from './statements'

const names: ReadonlySet<string> = new Set(stepNames)
const states: ReadonlySet<string> = new Set(stepStates)
const errorKinds: ReadonlySet<string> = new Set(['transient', 'refused', 'invalid'])

export class StepRowError extends Error {
  override readonly name = 'StepRowError'
}

const isInt = (v: unknown): v is number => Number.isInteger(v)
const isText = (v: unknown): v is string => typeof v === 'string'
const isTextOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string'

/**
 * Checks and maps one `applicant_steps` row. Written out by hand rather than as a zod schema: the
 * checks are the same, but zod's per-row copies were most of a dashboard page's cost (500
 * applicants are 4,500 step rows) and most of its garbage.
 */
function parseStepRow(raw: unknown): StepRow {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  const { applicant_id: applicantId, name, seq, state, attempts, next_attempt_at: next, error_kind: kind, error_code: code, error_message: message, updated_at: updatedAt } = r
  const valid =
    isText(applicantId) &&
    isText(name) &&
    names.has(name) &&
    isInt(seq) &&
    isText(state) &&
    states.has(state) &&
    isInt(attempts) &&
    attempts >= 0 &&
    (next === null || isInt(next)) &&
    (kind === null || (isText(kind) && errorKinds.has(kind))) &&
    isTextOrNull(code) &&
    isTextOrNull(message) &&
    isInt(updatedAt)
  if (!valid) throw new StepRowError(`an applicant_steps row does not have the expected shape (applicant ${String(applicantId)}, step ${String(name)})`)
  return {
    applicantId,
    snapshot: {
      name: name as StepName,
      state: state as StepState,
      attempts,
      nextAttemptAt: next as number | null,
      updatedAt,
      // The table's CHECK keeps the three error columns all set or all null.
      lastError: kind !== null && code !== null && message !== null ? { kind: kind as StepErrorKind, code, message } : null,
    },
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
