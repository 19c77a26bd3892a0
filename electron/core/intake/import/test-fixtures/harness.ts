import type { ImageSlot } from '../../../../../shared/domain/images'
import { consent, openTestStore, type TestStore } from '../../../queue/test-fixtures'
import { createImageIntake, type ImageIntake } from '../../image'
import { createBatchImporter, type BatchImporter } from '../index'
import type { CommitResult, ManifestPreview, ReadyPreview } from '../types'
import { today } from './manifests'

export interface ImportHarness {
  /** How many images the intake has decoded so far. */
  readonly decodes: () => number
  readonly t: TestStore
  readonly importer: BatchImporter
  readonly intake: ImageIntake
  readonly logs: Array<{ level: string; event: string; details?: Record<string, unknown> }>
  /** Most decodes seen at once: the import promises two. */
  readonly peakDecodes: () => number
  close(): Promise<void>
}

export async function openHarness(): Promise<ImportHarness> {
  const t = await openTestStore()
  const real = createImageIntake({ parallelism: 2 })
  let active = 0
  let peak = 0
  let decodes = 0
  const intake: ImageIntake = {
    ...real,
    normalize: async (input: Buffer, context: { slot: ImageSlot }) => {
      peak = Math.max(peak, ++active)
      decodes++
      try {
        return await real.normalize(input, context)
      } finally {
        active--
      }
    },
  }
  const logs: ImportHarness['logs'] = []
  const log = (level: string) => (event: string, details?: Record<string, unknown>) => void logs.push({ level, event, ...(details ? { details } : {}) })
  const importer = createBatchImporter({
    store: t.store,
    intake,
    clock: () => t.clock.now,
    log: { info: log('info'), warn: log('warn'), error: log('error') },
  })
  return { t, importer, intake, logs, peakDecodes: () => peak, decodes: () => decodes, close: async () => (await real.close(), t.cleanup()) }
}

export function ready(preview: ManifestPreview): ReadyPreview {
  if (!preview.ok) throw new Error(`manifest refused: ${preview.problem.code} ${JSON.stringify(preview.problem.reason)}`)
  return preview
}

export async function previewAndCommit(h: ImportHarness, manifest: string, images: string): Promise<{ preview: ReadyPreview; result: CommitResult }> {
  const preview = ready(await h.importer.preview(manifest, images, { today }))
  const result = await h.importer.commit(preview, { operatorId: 'op-1', consent, queue: true })
  return { preview, result }
}

/** Per row: the codes of its problems, for compact assertions. */
export function codesByRow(preview: ReadyPreview): Record<number, string[]> {
  return Object.fromEntries(preview.rows.map((r) => [r.row, r.problems.map((p) => p.code)]))
}
