import { imageSlots, type ImageSlot } from '../../../../shared/domain/images'
import type { Logger } from '../../log/logger'
import type { ApplicantQueue } from '../../queue/applicant-queue'
import type { AuditLog } from '../../queue/audit-log'
import type { ImageStore } from '../../vault/image-store'
import type { ImageFolder } from './image-folder'
import type { CreateApplicantInput, ImageInput } from '../../queue/types'
import type { ImportProblem } from './problems'
import { loadRowImages, slotVerdict, type ImageDeps, type LoadedImages } from './row-images'
import { rowProblem } from './to-problem'
import type { CommitOptions, CommitResult, CommitRowResult, PreviewRow, ReadyPreview } from './types'

/** What the import needs of the queue service (`KycStore` has it). */
export interface ImportStore {
  readonly applicants: Pick<ApplicantQueue, 'create' | 'createQueued' | 'duplicatesOf'>
  readonly events: Pick<AuditLog, 'append'>
  readonly images: Pick<ImageStore, 'put' | 'has' | 'deleteIfUnreferenced'>
}

export interface CommitDeps extends ImageDeps {
  readonly store: ImportStore
  readonly log: Pick<Logger, 'info' | 'warn' | 'error'>
  readonly parallelism: number
}

type Prepared =
  | { row: PreviewRow; loaded: LoadedImages }
  /** Every file is byte for byte what the preview read, and its JPEG is in the image store already. */
  | { row: PreviewRow; kept: true }
  | { row: PreviewRow; rejected: readonly ImportProblem[] }

const rejected = (row: PreviewRow, problems: readonly ImportProblem[]): CommitRowResult => ({ row: row.row, outcome: 'rejected', problems })

/** Rows the preview did not clear are rejected with every reason it found; nothing is read again for them. */
function gate(row: PreviewRow, options: CommitOptions): readonly ImportProblem[] | null {
  if (row.status === 'invalid' || !row.identity || !row.binding) return row.problems
  if (row.status === 'needs-review' && !options.acceptWarnings?.reason.trim()) {
    return [...row.problems, rowProblem('row', { code: 'row.needs-override' })]
  }
  return null
}

/** Re-reads the images the preview judged; a file edited in between gives another image and is refused. */
async function prepare(row: PreviewRow, folder: ImageFolder, deps: CommitDeps): Promise<Prepared> {
  try {
    if (await unchangedAndKept(row, folder, deps)) return { row, kept: true }
    return await reload(row, folder, deps)
  } catch (error) {
    // Never an unhandled rejection while an earlier row is still being stored.
    deps.log.error('import.row-failed', { row: row.row, error: error instanceof Error ? error.name : 'unknown' })
    return { row, rejected: [rowProblem('row', { code: 'commit.failed' })] }
  }
}

/**
 * The files' stamps (device, inode, size, modification time) unchanged since the preview are
 * enough to know its normalised images still stand: no read, no decode. Anything else, a mere
 * `touch` included, falls back to decoding the row again and comparing the images themselves.
 */
async function unchangedAndKept(row: PreviewRow, folder: ImageFolder, deps: CommitDeps): Promise<boolean> {
  for (const slot of imageSlots) {
    const image = row.images[slot]
    if (!image) return false
    if (!deps.store.images.has(image.sha256)) return false
    const resolved = await folder.resolve(image.fileName, deps.maxFileBytes)
    if (!resolved.ok) return false
    if ((await folder.stamp(resolved.path)) !== image.sourceStamp) return false
  }
  return true
}

function keptInput(row: PreviewRow, options: CommitOptions): CreateApplicantInput {
  const images: Partial<Record<ImageSlot, ImageInput>> = {}
  for (const slot of imageSlots) {
    const image = row.images[slot]
    if (!image) continue
    images[slot] = {
      source: { sha256: image.sha256, byteSize: image.jpegBytes },
      width: image.width,
      height: image.height,
      quality: image.quality,
      overrideReason: image.flagged ? (options.acceptWarnings?.reason ?? null) : null,
    }
  }
  return { identity: row.identity ?? undefined, binding: row.binding ?? undefined, images, operatorId: options.operatorId, consent: options.consent }
}

async function reload(row: PreviewRow, folder: ImageFolder, deps: ImageDeps): Promise<Prepared> {
  const files = Object.fromEntries(imageSlots.map((s) => [s, row.images[s]?.fileName ?? null])) as Record<ImageSlot, string | null>
  const loaded = await loadRowImages(files, folder, deps)
  const changed = imageSlots.some((s) => loaded.images[s]?.image.sha256 !== row.images[s]?.sha256)
  if (changed || loaded.problems.some((p) => p.severity === 'error')) {
    return { row, rejected: [...loaded.problems.filter((p) => p.severity === 'error'), rowProblem('row', { code: 'image.changed' })] }
  }
  return { row, loaded }
}

function applicantInput(row: PreviewRow, loaded: LoadedImages, options: CommitOptions): CreateApplicantInput {
  const images: Partial<Record<ImageSlot, ImageInput>> = {}
  for (const slot of imageSlots) {
    const entry = loaded.images[slot]
    if (!entry) continue
    const flagged = loaded.quality.issues.some((i) => i.slot === slot)
    images[slot] = {
      source: { jpeg: entry.image.jpeg },
      width: entry.image.width,
      height: entry.image.height,
      quality: slotVerdict(loaded.quality, slot),
      overrideReason: flagged ? (options.acceptWarnings?.reason ?? null) : null,
    }
  }
  return { identity: row.identity ?? undefined, binding: row.binding ?? undefined, images, operatorId: options.operatorId, consent: options.consent }
}

async function store(prepared: Prepared, options: CommitOptions, deps: CommitDeps): Promise<CommitRowResult> {
  if ('rejected' in prepared) return rejected(prepared.row, prepared.rejected)
  const { row } = prepared
  const input = 'kept' in prepared ? keptInput(row, options) : applicantInput(row, prepared.loaded, options)
  try {
    const created = options.queue
      ? await deps.store.applicants.createQueued(input)
      : { ok: true as const, ...(await deps.store.applicants.create(input)), status: 'draft' as const }
    if (!created.ok) return rejected(row, [rowProblem('row', { code: 'commit.refused', reason: created.reason })])
    const identityWarnings = row.problems.filter((p) => p.severity === 'warning' && !p.code.startsWith('quality.'))
    if (identityWarnings.length > 0 && options.acceptWarnings) {
      // Image overrides are logged by the queue service with the images; identity ones here. Codes only, no values.
      const duplicates = identityWarnings.flatMap((p) => (p.applicant ? [{ applicant: p.applicant.id, match: p.code.slice('duplicate.'.length) }] : []))
      deps.store.events.append({
        type: 'override',
        applicantId: created.id,
        operatorId: options.operatorId,
        details: { source: 'import', codes: identityWarnings.map((p) => p.code), reason: options.acceptWarnings.reason, ...(duplicates.length > 0 ? { duplicates } : {}) },
      })
    }
    return { row: row.row, outcome: 'imported', applicantId: created.id, reference: created.reference, status: created.status }
  } catch (error) {
    deps.log.error('import.row-failed', { row: row.row, error: error instanceof Error ? error.name : 'unknown' })
    return rejected(row, [rowProblem('row', { code: 'commit.failed' })])
  }
}

/**
 * Imports every row the preview cleared. Each row lands whole (applicant, three images and, with
 * `queue`, its steps, in one transaction) or not at all. Images are loaded at most `parallelism`
 * rows ahead and rows are stored in manifest order, so references follow the manifest and memory
 * stays bounded however long it is.
 */
export async function commitPreview(preview: ReadyPreview, options: CommitOptions, deps: CommitDeps): Promise<CommitResult> {
  const total = preview.rows.length
  const results: CommitRowResult[] = []
  const inFlight: Array<Promise<Prepared>> = []
  const report = () => options.onProgress?.({ phase: 'commit', done: results.length, total })
  report()
  const finishOne = async () => {
    const next = inFlight.shift()
    if (next) results.push(await store(await next, options, deps))
    report()
  }
  for (const row of preview.rows) {
    if (options.signal?.aborted) {
      results.push(rejected(row, [rowProblem('row', { code: 'row.cancelled' })]))
      continue
    }
    const blocked = gate(row, options)
    inFlight.push(blocked ? Promise.resolve({ row, rejected: blocked }) : prepare(row, preview.manifest.images, deps))
    while (inFlight.length >= deps.parallelism) await finishOne()
  }
  while (inFlight.length > 0) await finishOne()
  // The preview kept every row's images; those of rows that did not land go again.
  for (const row of preview.rows) {
    for (const slot of imageSlots) {
      const image = row.images[slot]
      if (image) deps.store.images.deleteIfUnreferenced(image.sha256)
    }
  }
  results.sort((a, b) => a.row - b.row)
  const imported = results.filter((r) => r.outcome === 'imported').length
  deps.log.info('import.committed', { rows: total, imported, rejected: total - imported, queued: options.queue })
  return { imported, rejected: total - imported, rows: results }
}
