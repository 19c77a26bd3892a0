import type { IsoDate } from '../../../../shared/domain/identity'
import { imageSlots } from '../../../../shared/domain/images'
import { createLimiter } from '../image/limiter'
import { manifestFields, resolveHeaders, type ManifestField } from './fields'
import type { ImportProblem } from './problems'
import type { ImageFolder } from './image-folder'
import type { ManifestLimits, ManifestRead, ManifestRow } from './read-manifest'
import { readRowData, type RowContext } from './row-data'
import { loadRowImages, previewImages, type ImageDeps } from './row-images'
import type { Duplicate } from '../../queue/duplicates'
import { duplicateProblem, manifestProblem, rowProblem } from './to-problem'
import type { ManifestPreview, PreviewOptions, PreviewRow, PreviewRowStatus } from './types'

export interface PreviewDeps extends ImageDeps {
  readonly limits: ManifestLimits
  /** Rows worked on at once; 2 keeps both cores busy and memory bounded. */
  readonly parallelism: number
  /** The queue's duplicate check (the capture's): applicants already holding this account or document. */
  readonly duplicatesOf: (self: { id: string; uid: string; documentNumber: string }) => Duplicate[]
}

function statusOf(problems: readonly ImportProblem[]): PreviewRowStatus {
  if (problems.some((p) => p.severity === 'error')) return 'invalid'
  return problems.length > 0 ? 'needs-review' : 'ready'
}

async function previewRow(source: ManifestRow, context: RowContext, folder: ImageFolder, deps: ImageDeps): Promise<PreviewRow> {
  const data = readRowData(source.cells, context)
  // Images are judged even on a row with data errors, so the operator fixes everything in one pass.
  const loaded = await loadRowImages(data.files, folder, deps)
  return {
    row: source.row,
    line: source.line,
    status: 'ready',
    identity: data.identity,
    binding: data.binding,
    images: previewImages(loaded),
    normalized: data.normalized,
    problems: [...data.problems, ...loaded.problems],
  }
}

/**
 * Across rows: the same document twice, or the same image file (or the same picture under
 * another name) for two applicants. Reported on the later row, naming the first.
 */
function crossRowProblems(rows: readonly PreviewRow[]): Map<number, ImportProblem[]> {
  const found = new Map<number, ImportProblem[]>()
  const add = (row: number, problem: ImportProblem) => found.set(row, [...(found.get(row) ?? []), problem])
  const documents = new Map<string, number>()
  const files = new Map<string, number>()
  for (const row of rows) {
    if (row.identity) {
      const key = `${row.identity.documentType}:${row.identity.country}:${row.identity.documentNumber}`
      const first = documents.get(key)
      if (first === undefined) documents.set(key, row.row)
      else add(row.row, rowProblem('documentNumber', { code: 'row.duplicate-document', row: first }))
    }
    for (const slot of imageSlots) {
      const image = row.images[slot]
      if (!image) continue
      const first = files.get(image.path) ?? files.get(image.sha256)
      if (first !== undefined && first !== row.row) add(row.row, rowProblem(slot, { code: 'file.reused', row: first, name: image.fileName }))
      files.set(image.path, files.get(image.path) ?? row.row)
      files.set(image.sha256, files.get(image.sha256) ?? row.row)
    }
  }
  return found
}

/** A manifest wherever it comes from: its label for the operator and a reader within the limits. */
export interface ManifestSource {
  readonly label: string
  read(limits: ManifestLimits): Promise<ManifestRead>
}

export async function previewManifest(
  manifest: ManifestSource,
  images: ImageFolder,
  options: PreviewOptions & { today: IsoDate },
  deps: PreviewDeps,
): Promise<ManifestPreview> {
  const read = await manifest.read(deps.limits)
  if (!read.ok) return { ok: false, problem: manifestProblem(read.problem) }
  const headers = resolveHeaders(read.table.header)
  if (!headers.ok) return { ok: false, problem: manifestProblem(headers.problem) }
  if (!(await images.exists())) return { ok: false, problem: manifestProblem({ code: 'images.not-found' }) }

  const { table } = read
  const context: RowContext = { headers: headers.map, width: table.format === 'csv' ? table.header.length : null, today: options.today }
  const limit = createLimiter(deps.parallelism)
  let done = 0
  const total = table.rows.length
  options.onProgress?.({ phase: 'preview', done, total })
  const rows = await Promise.all(
    table.rows.map((source) =>
      limit(async () => {
        options.signal?.throwIfAborted()
        const row = await previewRow(source, context, images, deps)
        options.onProgress?.({ phase: 'preview', done: ++done, total })
        return row
      }),
    ),
  )
  const cross = crossRowProblems(rows)
  const judged = rows.map((row) => {
    // The row is not in the queue yet: no id of its own to leave out.
    const inQueue = row.identity && row.binding ? deps.duplicatesOf({ id: '', uid: row.binding.uid, documentNumber: row.identity.documentNumber }) : []
    const problems = [...row.problems, ...(cross.get(row.row) ?? []), ...inQueue.map(duplicateProblem)]
    return { ...row, problems, status: statusOf(problems) }
  })
  const columns = Object.fromEntries(manifestFields.map((f) => [f, table.header[headers.map.columns[f]] ?? f])) as Record<ManifestField, string>
  return {
    ok: true,
    manifest: { path: manifest.label, imagesDir: images.label, images, format: table.format, encoding: table.encoding, columns, unknownColumns: headers.map.unknown, today: options.today },
    rows: judged,
    summary: {
      total,
      ready: judged.filter((r) => r.status === 'ready').length,
      needsReview: judged.filter((r) => r.status === 'needs-review').length,
      invalid: judged.filter((r) => r.status === 'invalid').length,
    },
    notes: headers.map.unknown.map((header) => manifestProblem({ code: 'manifest.unknown-column', header })),
  }
}
