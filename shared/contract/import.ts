import { z } from 'zod'
import { documentTypeSchema } from '../domain/identity'
import { applicantStatusSchema } from '../domain/status'
import { imageSlotSchema } from '../domain/images'
import { issueSchema } from '../identity/issues'
import { applicantIdSchema, thumbnailSchema } from './applicants'
import { bindingIssueSchema } from './binding-issue'
import { errorReasonSchema } from './errors'

/**
 * Batch import: the operator picks a manifest and an images folder in main's own dialogs (the
 * renderer never sends a path), previews every row with its problems, and imports the valid ones.
 * Bindings stay in main; the renderer sees masked labels and problems.
 */

export const importSelectionSchema = z.object({
  /** What the operator chose in the dialogs, shown back to them. */
  manifestPath: z.string().nullable(),
  imagesDir: z.string().nullable(),
  /** Without a chosen folder the manifest's own folder is used (desktop); browser mode needs one. */
  imagesBesideManifest: z.boolean(),
})
export type ImportSelection = z.infer<typeof importSelectionSchema>

const problemBase = {
  /** The manifest column (`documentNumber`, `front` ...) or `row`. */
  field: z.string(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  /** The applicant already in the queue that this row duplicates, to open it. */
  applicant: z.object({ id: z.string(), reference: z.string() }).optional(),
}

/**
 * One reason a row cannot be imported as it is, as codes with their values, never a sentence: the
 * screen and the command line word it (shared/i18n/import-problem-words.ts). `words` says which
 * table: the import's and image checks' keys (`reason`, with the measurement as `detail`), or
 * the identity and account-binding rules' own issues.
 */
export const importProblemSchema = z.discriminatedUnion('words', [
  z.object({ ...problemBase, words: z.literal('reason'), reason: errorReasonSchema, detail: errorReasonSchema.nullable() }).strict(),
  z.object({ ...problemBase, words: z.literal('identity'), identity: issueSchema }).strict(),
  z.object({ ...problemBase, words: z.literal('binding'), binding: bindingIssueSchema }).strict(),
])
export type ImportProblemView = z.infer<typeof importProblemSchema>

export const previewRowStatusSchema = z.enum(['ready', 'needs-review', 'invalid'])

export const previewRowSchema = z.object({
  /** Spreadsheet row number; the header is row 1. */
  row: z.number().int(),
  status: previewRowStatusSchema,
  /** Masked, e.g. `李* ····1239`; null when the name or number did not pass. */
  label: z.string().nullable(),
  documentType: documentTypeSchema.nullable(),
  /** Which image files were found and decoded. */
  images: z.object({ front: z.boolean(), back: z.boolean(), hand: z.boolean() }),
  problems: z.array(importProblemSchema),
})
export type PreviewRowView = z.infer<typeof previewRowSchema>

/** A problem with the manifest as a whole, or a note on it, as a key with its values (`importProblem.*`). */
export const manifestProblemSchema = z.object({ code: z.string(), reason: errorReasonSchema }).strict()
export type ManifestProblemView = z.infer<typeof manifestProblemSchema>

export const importPreviewSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string().nullable(),
    summary: z.object({ total: z.number().int(), ready: z.number().int(), needsReview: z.number().int(), invalid: z.number().int() }),
    rows: z.array(previewRowSchema),
    notes: z.array(manifestProblemSchema),
  }),
  /** Nothing in the manifest could be read (wrong file, no header ...). */
  z.object({ ok: z.literal(false), problem: manifestProblemSchema }),
])
export type ImportPreview = z.infer<typeof importPreviewSchema>

export const importResultRowSchema = z.discriminatedUnion('outcome', [
  z.object({ row: z.number().int(), outcome: z.literal('imported'), applicantId: applicantIdSchema, reference: z.string(), status: applicantStatusSchema }),
  z.object({ row: z.number().int(), outcome: z.literal('rejected'), problems: z.array(importProblemSchema) }),
])

export const importResultSchema = z.object({
  imported: z.number().int(),
  rejected: z.number().int(),
  rows: z.array(importResultRowSchema),
})
export type ImportResult = z.infer<typeof importResultSchema>

export const importProgressSchema = z.object({
  phase: z.enum(['preview', 'commit']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
})
export type ImportProgress = z.infer<typeof importProgressSchema>

export const importChannels = {
  'import:selection': { request: z.object({}).strict(), response: importSelectionSchema },
  /** Opens main's file or folder dialog; a cancelled dialog keeps the earlier choice. */
  'import:choose': {
    request: z.object({ what: z.enum(['manifest', 'images']) }).strict(),
    response: importSelectionSchema,
  },
  /** Reads and checks every row; stores nothing. */
  'import:preview': { request: z.object({}).strict(), response: importPreviewSchema },
  /**
   * One image of a row of the last preview, rendered small from the JPEG the preview already
   * decoded (`view`: large enough to check it zoomed). Asked row by row as the table shows them,
   * so a 20,000-row preview never carries pixels.
   */
  'import:thumbnail': {
    request: z.object({ row: z.number().int().min(2), slot: imageSlotSchema, size: z.enum(['thumbnail', 'view']).optional() }).strict(),
    response: thumbnailSchema,
  },
  /** Imports the rows of the last preview that passed; each row lands whole or not at all. */
  'import:commit': {
    request: z
      .object({
        /** Queue the applicants for sync at once (else they wait as complete drafts). */
        queue: z.boolean(),
        /** The customers consented on paper (the consent text of shared/domain/consent). */
        consent: z.boolean(),
        /** Rows with warnings only import with a reason (kept in the event log). */
        acceptWarningsReason: z.string().trim().min(1).max(500).nullable(),
      })
      .strict(),
    response: importResultSchema,
  },
  /** Stops a preview or import in progress after the row in hand. */
  'import:cancel': { request: z.object({}).strict(), response: z.object({}) },
} as const

export const importEvents = {
  'import:progress': importProgressSchema,
} as const
