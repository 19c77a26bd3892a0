import { stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { ImportPreview, ImportProgress, ImportResult, ImportSelection } from '../../../../shared/contract/import'
import { consentTextVersion } from '../../../../shared/domain/consent'
import type { ImageSlot, Sha256Hex } from '../../../../shared/domain/images'
import { KycError } from '../../errors/kyc-error'
import { diskImageFolder, diskManifest, memoryImageFolder, memoryManifest, type BatchImporter, type ImageFolder, type ManifestSource, type ReadyPreview } from '../import'
import type { ImportDialogPort } from '../../ports'
import { rowThumbMaxSide, thumbnail, viewMaxSide, type Thumbnail } from '../../media/thumbnail'
import { previewView, resultView } from './views'

export type { ImportDialogPort, UploadedFolder, UploadedManifest } from '../../ports'
export { noImportDialogs } from '../../ports'

export interface ImportSessionDeps {
  readonly importer: () => BatchImporter
  readonly dialogs: ImportDialogPort
  readonly operatorId: () => string | null
  readonly clock: () => number
  /** Called often; the session passes on at most one update per `progressEveryMs`, and always the last. */
  readonly progress: (progress: ImportProgress) => void
  readonly progressEveryMs?: number
  /** A normalised JPEG the preview kept in the encrypted image store, by its hash. */
  readonly imageBytes: (sha256: Sha256Hex) => Promise<Buffer>
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false)
}

/**
 * The batch import of one counter: the paths the operator chose, the last preview (kept here:
 * it holds the bindings), and one preview or commit at a time, cancellable.
 */
export class ImportSession {
  private manifest: ManifestSource | null = null
  private images: ImageFolder | null = null
  /** Uploads are let go once imported: the scans stay in memory no longer than needed. */
  private uploaded = false
  private preview: ReadyPreview | null = null
  private running: AbortController | null = null

  constructor(private readonly deps: ImportSessionDeps) {}

  selection(): ImportSelection {
    return { manifestPath: this.manifest?.label ?? null, imagesDir: this.images?.label ?? null, imagesBesideManifest: this.deps.dialogs.imagesBesideManifest }
  }

  async choose(what: 'manifest' | 'images'): Promise<ImportSelection> {
    if (what === 'manifest') {
      const chosen = await this.deps.dialogs.chooseManifest()
      if (typeof chosen === 'string') {
        this.manifest = diskManifest(chosen)
        this.preview = null
        // The usual layout (and the shipped example's): the images in `images/` next to the manifest.
        const beside = join(dirname(chosen), 'images')
        if (this.images === null && (await isFolder(beside))) this.images = diskImageFolder(beside)
      } else if (chosen !== null) {
        this.manifest = memoryManifest(chosen.name, chosen.bytes)
        this.uploaded = true
        this.preview = null
      }
    } else {
      const chosen = await this.deps.dialogs.chooseFolder()
      if (chosen !== null) {
        this.images = typeof chosen === 'string' ? diskImageFolder(chosen) : memoryImageFolder(chosen.name, chosen.files)
        this.uploaded ||= typeof chosen !== 'string'
        this.preview = null
      }
    }
    return this.selection()
  }

  async runPreview(): Promise<ImportPreview> {
    const manifest = this.manifest
    if (manifest === null) throw new KycError('INVALID_INPUT', 'Choose a manifest first', undefined, { key: 'import.chooseManifest' })
    // A manifest on disk without a chosen folder names its images beside it; an upload has no "beside".
    const images = this.images ?? (this.uploaded ? null : diskImageFolder(dirname(manifest.label)))
    if (images === null) throw new KycError('INVALID_INPUT', 'Choose the images folder too', undefined, { key: 'import.chooseImages' })
    return this.exclusive(async (signal) => {
      const result = await this.deps.importer().previewFrom(manifest, images, {
        signal,
        onProgress: this.reporter(),
      })
      this.preview = result.ok ? result : null
      return previewView(result)
    })
  }

  async commit(options: { queue: boolean; consent: boolean; acceptWarningsReason: string | null }): Promise<ImportResult> {
    const preview = this.preview
    if (preview === null) throw new KycError('CONFLICT', 'Preview the manifest before importing it', undefined, { key: 'import.previewFirst' })
    if (options.queue && !options.consent) {
      throw new KycError('INVALID_INPUT', 'Queueing needs the customers’ consent to the processing of sensitive personal information', undefined, {
        key: 'import.consentRequired',
      })
    }
    return this.exclusive(async (signal) => {
      const result = await this.deps.importer().commit(preview, {
        operatorId: this.deps.operatorId(),
        consent: options.consent ? { version: consentTextVersion, at: this.deps.clock() } : null,
        queue: options.queue,
        acceptWarnings: options.acceptWarningsReason ? { reason: options.acceptWarningsReason } : null,
        signal,
        onProgress: this.reporter(),
      })
      // The same rows must not be imported twice by a second click.
      this.preview = null
      if (this.uploaded) this.forgetUploads()
      return resultView(result)
    })
  }

  /**
   * One image of a row of the last preview, small (or `view`-sized for the viewer), from the JPEG
   * the preview kept: no file is read or decoded again, and the renderer never gets a path.
   */
  async thumbnail(row: number, slot: ImageSlot, size: 'thumbnail' | 'view'): Promise<Thumbnail & { slot: ImageSlot }> {
    if (this.preview === null) throw new KycError('CONFLICT', 'Preview the manifest first', undefined, { key: 'import.previewFirst' })
    const image = this.preview.rows.find((r) => r.row === row)?.images[slot]
    if (!image) throw new KycError('NOT_FOUND', `Row ${row} has no ${slot} image`, undefined, { key: 'notFound.image' })
    try {
      return { slot, ...(await thumbnail(await this.deps.imageBytes(image.sha256), size === 'view' ? viewMaxSide : rowThumbMaxSide)) }
    } catch {
      throw new KycError('UNAVAILABLE', `The ${slot} image of row ${row} cannot be shown`, undefined, { key: 'images.cannotShow' })
    }
  }

  /** Progress for a 20,000-row manifest without 20,000 messages to the window. */
  private reporter(): (p: ImportProgress) => void {
    let last = Number.NEGATIVE_INFINITY
    const every = this.deps.progressEveryMs ?? 100
    return (p) => {
      const now = this.deps.clock()
      if (p.done < p.total && p.done > 0 && now - last < every) return
      last = now
      this.deps.progress({ phase: p.phase, done: p.done, total: p.total })
    }
  }

  private forgetUploads(): void {
    this.manifest = null
    this.images = null
    this.uploaded = false
  }

  cancel(): void {
    this.running?.abort()
  }

  private async exclusive<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.running) throw new KycError('CONFLICT', 'An import is already running', undefined, { key: 'import.alreadyRunning' })
    const controller = new AbortController()
    this.running = controller
    try {
      return await work(controller.signal)
    } finally {
      this.running = null
    }
  }
}
