import { parseArgs } from 'node:util'
import { z } from 'zod'
import { applicantStatuses, type ApplicantStatus } from '../../../shared/domain/status'
import { shownStepState, type StepSnapshot } from '../../../shared/domain/steps'
import { isoInZone, resolveTimeZone } from '../../../shared/format/time'
import type { KycStore } from '../../core/queue/store'
import { SettingsService } from '../../core/settings/settings-service'
import type { ApplicantSummary } from '../../core/queue/types'
import type { MessageLocale } from '../../../shared/i18n'
import { exitCodes, UsageError, type CliIo } from '../io'
import { cliLocale, sayIn, wordReason, wordStatusCounts, wordStepError } from '../words'
import { openCliStore } from './open-cli-store'
import { dbFileFrom, locationHelp } from './data-location'

export const statusHelp = `Usage: kyc-desk status --data DIR|--db FILE [--json] [--key-file FILE]

Prints the number of applicants per status, then each applicant's steps. Reads clear columns
only (reference, masked label, steps): no personal data is decrypted or printed.

${locationHelp}
`

const flagsSchema = z.object({ db: z.string().min(1, '--data DIR or --db FILE is required'), json: z.boolean().default(false), keyFile: z.string().min(1).optional() })

function parseFlags(argv: readonly string[]) {
  let values
  try {
    values = parseArgs({
      args: [...argv],
      options: { db: { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean' }, 'key-file': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }).values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (values.help) return null
  const parsed = flagsSchema.safeParse({ db: dbFileFrom(values), json: values.json, keyFile: values['key-file'] })
  if (!parsed.success) throw new UsageError(`${parsed.error.issues[0]?.message ?? 'invalid flags'}\n\n${statusHelp}`)
  return parsed.data
}

function allApplicants(store: KycStore): ApplicantSummary[] {
  const items: ApplicantSummary[] = []
  const pageSize = 5_000
  for (let offset = 0; ; offset += pageSize) {
    const page = store.applicants.list({ offset, limit: pageSize, order: 'oldest' })
    items.push(...page.items)
    if (page.items.length < pageSize) return items
  }
}

/** A step in a few words: its code (the names IT and the log use), its state, attempts and, while waiting, the next try in the branch's zone. */
function stepText(step: StepSnapshot, timeZone: string, locale: MessageLocale): string {
  const say = sayIn(locale)
  const state = shownStepState(step)
  const parts = [say('status.step', { step: step.name, state: wordReason({ key: `stepState.${state}` }, locale) })]
  if (step.attempts > 0) parts.push(say('status.attempts', { n: step.attempts }))
  if (state === 'waiting-retry' && step.nextAttemptAt !== null) parts.push(say('status.nextAttempt', { time: isoInZone(step.nextAttemptAt, timeZone) }))
  return parts.join(' ')
}

/** For the operator, in the environment's language: statuses and our errors in words, times in the branch's zone. */
function writeText(io: CliIo, applicants: readonly ApplicantSummary[], counts: Readonly<Record<ApplicantStatus, number>>, timeZone: string, locale: MessageLocale): void {
  const say = sayIn(locale)
  const status = (s: ApplicantStatus) => wordReason({ key: `status.${s}` }, locale)
  const perStatus = wordStatusCounts(
    applicantStatuses.map((s) => [s, counts[s]] as const),
    locale,
  )
  io.stdout.write(`${say('status.total', { n: applicants.length, counts: perStatus })}\n`)
  for (const a of applicants) {
    io.stdout.write(`\n${a.reference}  ${a.label ?? say('status.purged')}  ${status(a.status)}  ${a.id}\n`)
    if (a.steps.length > 0) io.stdout.write(`  ${a.steps.map((step) => stepText(step, timeZone, locale)).join(' · ')}\n`)
    if (a.lastError) {
      const { kind, code } = a.lastError
      io.stdout.write(`  ${say('status.lastError', { kind: wordReason({ key: `stepError.kind.${kind}` }, locale), text: wordStepError(a.lastError, locale), code })}\n`)
    }
  }
}

/** `kyc-desk status`: counts per status and every applicant's steps. */
export async function runStatus(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv)
  if (!flags) {
    io.stdout.write(statusHelp)
    return exitCodes.ok
  }
  const store = await openCliStore(flags.db, io.env, flags.keyFile)
  try {
    const counts = store.applicants.countsByStatus()
    const timeZone = resolveTimeZone(new SettingsService(store.settings, Date.now).get().timeZone)
    const applicants = allApplicants(store)
    if (flags.json) {
      const rows = applicants.map((a) => ({ id: a.id, reference: a.reference, label: a.label, status: a.status, steps: a.steps, lastError: a.lastError }))
      io.stdout.write(`${JSON.stringify({ counts, applicants: rows })}\n`)
      return exitCodes.ok
    }
    writeText(io, applicants, counts, timeZone, cliLocale(io.env))
    return exitCodes.ok
  } finally {
    store.close()
  }
}
