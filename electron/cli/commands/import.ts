import { existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import type { MessageLocale } from '../../../shared/i18n'
import { wordImportProblem, wordManifestProblem } from '../../../shared/i18n/import-problem-words'
import type { Words } from '../../../shared/i18n/word-reason'
import { createImageIntake } from '../../core/intake/image'
import { createBatchImporter, type CommitResult, type ImportProblem, type ReadyPreview } from '../../core/intake/import'
import { exitCodes, UsageError, type CliIo } from '../io'
import { cliLocale, wordReason } from '../words'
import { openCliStore } from './open-cli-store'
import { dbFileFrom, locationHelp } from './data-location'

export const importHelp = `Usage: kyc-desk import --data DIR|--db FILE --manifest FILE [--images DIR] [--json] [--queue --consent VERSION]
                      [--accept-warnings REASON] [--operator ID] [--lang en|zh-CN] [--key-file FILE]

Imports applicants from a manifest (CSV in UTF-8 or GB18030, or .xlsx) and a folder of images
(default: the manifest's folder), with the same rules as the app. Each row is imported whole
(applicant and three images, queued with --queue) or not at all. Prints, per row, "imported"
with the applicant id or "rejected" with every reason.

${locationHelp}
  --queue              queue each applicant for sync in the same transaction that creates it;
                       needs --consent, the version of the consent form the customers signed
  --accept-warnings    import rows that have only warnings (a blurred image, an unusual
                       validity period), recording this reason in the event log
  --lang               language of the report (default: from LANG, else en)

The data key comes from KYC_DESK_KEY, or --key-file / KYC_DESK_KEY_FILE.
Exit codes: 0 every row imported, 1 some row rejected or the manifest refused, 2 usage error.
`

const flagsSchema = z
  .object({
    db: z.string().min(1, '--data DIR or --db FILE is required'),
    manifest: z.string().min(1, '--manifest is required'),
    images: z.string().min(1).optional(),
    json: z.boolean(),
    queue: z.boolean(),
    consent: z.string().trim().min(1).max(100).optional(),
    acceptWarnings: z.string().trim().min(1, '--accept-warnings needs a reason').max(500).optional(),
    operator: z.string().trim().min(1).max(100).optional(),
    lang: z.enum(['en', 'zh-CN']),
    keyFile: z.string().min(1).optional(),
  })
  // Queueing sends personal data to the platform: PIPL wants the customers' separate consent on record.
  .refine((f) => !f.queue || f.consent !== undefined, { message: '--queue needs --consent VERSION (the consent form the customers signed)' })
type Flags = z.infer<typeof flagsSchema>

function parseFlags(argv: readonly string[], env: NodeJS.ProcessEnv): Flags | null {
  let values
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        db: { type: 'string' },
        data: { type: 'string' },
        manifest: { type: 'string' },
        images: { type: 'string' },
        json: { type: 'boolean' },
        queue: { type: 'boolean' },
        consent: { type: 'string' },
        'accept-warnings': { type: 'string' },
        operator: { type: 'string' },
        lang: { type: 'string' },
        'key-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${importHelp}`)
  }
  if (values.help) return null
  const parsed = flagsSchema.safeParse({
    db: dbFileFrom(values),
    manifest: values.manifest ?? '',
    images: values.images,
    json: values.json ?? false,
    queue: values.queue ?? false,
    consent: values.consent,
    acceptWarnings: values['accept-warnings'],
    operator: values.operator,
    lang: values.lang ?? cliLocale(env),
    keyFile: values['key-file'],
  })
  if (!parsed.success) throw new UsageError(`${parsed.error.issues[0]?.message ?? 'invalid flags'}\n\n${importHelp}`)
  return parsed.data
}

/** Paths the operator got wrong are usage errors, found before the database and key are touched. */
function checkPaths(flags: Flags): { manifest: string; images: string } {
  const manifest = resolve(flags.manifest)
  if (!existsSync(manifest) || !statSync(manifest).isFile()) throw new UsageError(`no manifest file at ${manifest}`)
  const images = resolve(flags.images ?? dirname(manifest))
  if (!existsSync(images) || !statSync(images).isDirectory()) throw new UsageError(`no images folder at ${images}`)
  return { manifest, images }
}

const wordsIn = (lang: MessageLocale): Words => ({ word: (reason) => wordReason(reason, lang), locale: lang })

/** For scripts: each problem's codes and values as the app gets them, and its words in --lang. */
const problemJson = (p: ImportProblem, lang: MessageLocale) => ({ ...p, text: wordImportProblem(p, wordsIn(lang)) })

function writeJson(io: CliIo, preview: ReadyPreview, result: CommitResult, lang: MessageLocale): void {
  const { manifest, summary } = preview
  io.stdout.write(
    `${JSON.stringify({
      manifest: { path: manifest.path, format: manifest.format, encoding: manifest.encoding, unknownColumns: manifest.unknownColumns },
      preview: summary,
      imported: result.imported,
      rejected: result.rejected,
      rows: result.rows.map((r) =>
        r.outcome === 'imported'
          ? { row: r.row, outcome: r.outcome, applicantId: r.applicantId, reference: r.reference, status: r.status }
          : { row: r.row, outcome: r.outcome, problems: r.problems.map((p) => problemJson(p, lang)) },
      ),
    })}\n`,
  )
}

function writeText(io: CliIo, preview: ReadyPreview, result: CommitResult, lang: MessageLocale): void {
  const words = wordsIn(lang)
  const { word } = words
  const { manifest, summary } = preview
  const format = manifest.encoding ? [manifest.format, manifest.encoding].join(word({ key: 'list.separator' })) : manifest.format
  const line = (key: string, params: Record<string, string | number>) => io.stdout.write(`${word({ key: `importReport.${key}`, params })}\n`)
  line('summary', { path: manifest.path, format, n: summary.total })
  for (const note of preview.notes) line('note', { text: wordManifestProblem(note, words) })
  for (const r of result.rows) {
    if (r.outcome === 'imported') {
      line('imported', { row: r.row, id: r.applicantId, reference: r.reference, status: word({ key: `status.${r.status}` }) })
      continue
    }
    line('rejected', { row: r.row, n: r.problems.length })
    for (const p of r.problems) {
      const text = wordImportProblem(p, words)
      io.stdout.write(`  - ${p.severity === 'warning' ? word({ key: 'importReport.warning', params: { text } }) : text}\n`)
    }
  }
  line('totals', { imported: result.imported, rejected: result.rejected })
}

/** `kyc-desk import`: the batch import of the app, headless. */
export async function runImport(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, io.env)
  if (!flags) {
    io.stdout.write(importHelp)
    return exitCodes.ok
  }
  const paths = checkPaths(flags)
  const store = await openCliStore(flags.db, io.env, flags.keyFile)
  // Two decodes at once: both cores of a branch PC, and bounded memory on a long manifest.
  const intake = createImageIntake({ parallelism: 2 })
  try {
    const log = (event: string, details?: Record<string, unknown>) => io.stderr.write(`kyc-desk import: ${event} ${JSON.stringify(details ?? {})}\n`)
    const importer = createBatchImporter({ store, intake, clock: Date.now, log: { info: () => undefined, warn: log, error: log } })
    const preview = await importer.preview(paths.manifest, paths.images)
    if (!preview.ok) {
      const text = wordManifestProblem(preview.problem, wordsIn(flags.lang))
      if (flags.json) io.stdout.write(`${JSON.stringify({ refused: { ...preview.problem, text } })}\n`)
      else io.stderr.write(`kyc-desk import: ${text}\n`)
      return exitCodes.someFailed
    }
    const result = await importer.commit(preview, {
      operatorId: flags.operator ?? null,
      consent: flags.consent ? { version: flags.consent, at: Date.now() } : null,
      queue: flags.queue,
      acceptWarnings: flags.acceptWarnings ? { reason: flags.acceptWarnings } : null,
    })
    if (flags.json) writeJson(io, preview, result, flags.lang)
    else writeText(io, preview, result, flags.lang)
    return result.rejected === 0 ? exitCodes.ok : exitCodes.someFailed
  } finally {
    await intake.close()
    store.close()
  }
}
