import { localIsoDate } from '../../../../shared/domain/local-date'
import type { Logger } from '../../log/logger'
import type { ImageIntake } from '../image'
import { commitPreview, type ImportStore } from './commit'
import { resolve } from 'node:path'
import { diskImageFolder, type ImageFolder } from './image-folder'
import { previewManifest, type ManifestSource } from './preview'
import { defaultManifestLimits, parseManifest, readManifest, type ManifestLimits } from './read-manifest'
import type { CommitOptions, CommitResult, ManifestPreview, PreviewOptions, ReadyPreview } from './types'

export { manifestFields, manifestHeaderAliases, normalizeHeader } from './fields'
export type { ManifestField } from './fields'
export type { ImportProblem, ManifestProblem, ProblemField, ProblemSeverity } from './problems'
export type { PreviewImage } from './row-images'
export type { ImportStore } from './commit'
export type { ManifestLimits } from './read-manifest'
export type { ManifestSource } from './preview'
export { diskImageFolder, memoryImageFolder, uploadedName, type ImageFolder } from './image-folder'
export type { TextEncoding } from './decode-text'
export type * from './types'

export interface BatchImporterDeps {
  /** The queue service (`KycStore`): applicants are created (and queued) through it. */
  readonly store: ImportStore
  readonly intake: Pick<ImageIntake, 'normalize' | 'assess'>
  /** Gives the default `today` (local date) for the rules. */
  readonly clock: () => number
  readonly log: Pick<Logger, 'info' | 'warn' | 'error'>
  /** Image files larger than this are refused before being read. Default 25 MB, as the image intake's. */
  readonly maxFileBytes?: number
  readonly manifestLimits?: ManifestLimits
  /** Rows worked on at once. Default 2: both cores, and at most two rows' images in memory. */
  readonly parallelism?: number
}

export interface BatchImporter {
  /** Every row with its parsed identity and binding or its problems; stores nothing. */
  preview(manifestPath: string, imagesDir: string, options?: PreviewOptions): Promise<ManifestPreview>
  /** The same for a manifest and images from anywhere (uploads kept in memory in browser mode). */
  previewFrom(manifest: ManifestSource, images: ImageFolder, options?: PreviewOptions): Promise<ManifestPreview>
  /** Imports the rows the preview cleared, each whole or not at all; reports every other row. */
  commit(preview: ReadyPreview, options: CommitOptions): Promise<CommitResult>
}

export function createBatchImporter(deps: BatchImporterDeps): BatchImporter {
  const shared = {
    intake: deps.intake,
    maxFileBytes: deps.maxFileBytes ?? 25 * 1024 * 1024,
    parallelism: deps.parallelism ?? 2,
  }
  const previewFrom: BatchImporter['previewFrom'] = (manifest, images, options = {}) =>
    previewManifest(manifest, images, { ...options, today: options.today ?? localIsoDate(deps.clock()) }, {
      ...shared,
      limits: deps.manifestLimits ?? defaultManifestLimits,
      duplicatesOf: (self) => deps.store.applicants.duplicatesOf(self),
      keep: async (jpeg) => {
        await deps.store.images.put(jpeg)
      },
    })
  return {
    preview: (manifestPath, imagesDir, options) => previewFrom(diskManifest(manifestPath), diskImageFolder(resolve(imagesDir)), options),
    previewFrom,
    commit: (preview, options) => commitPreview(preview, options, { ...shared, store: deps.store, log: deps.log }),
  }
}

export function diskManifest(path: string): ManifestSource {
  const resolved = resolve(path)
  return { label: resolved, read: (limits) => readManifest(resolved, limits) }
}

/** An uploaded manifest: its name as the browser gave it and its bytes, never written to disk. */
export function memoryManifest(name: string, bytes: Buffer): ManifestSource {
  return { label: name, read: (limits) => parseManifest(bytes, limits) }
}
