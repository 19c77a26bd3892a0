import { imageSlots, type ImageSlot, type Sha256Hex } from '../../../../shared/domain/images'
import type { AcceptedFormat, ImageIntake, NormalizedImage, QualityVerdict } from '../image'
import { jsonValueSchema, type JsonValue } from '../../db/json'
import type { ImageFolder } from './image-folder'
import type { ImportProblem } from './problems'
import { imageFailureProblem, qualityProblem, rowProblem } from './to-problem'

/** What the preview keeps of an image: its facts, never its pixels (a large manifest must fit in memory). */
export interface PreviewImage extends SourceFacts {
  /** The quality gate's verdict for this slot, as stored with the image. */
  readonly quality: JsonValue
  /** The gate raised something for this slot: importing it needs the operator's reason. */
  readonly flagged: boolean
}

interface SourceFacts {
  readonly fileName: string
  /** The images folder's key for the file (a path resolved inside it on disk); main process only. */
  readonly path: string
  /** Of the normalised JPEG: the commit checks the file still gives the same image. */
  readonly sha256: Sha256Hex
  readonly width: number
  readonly height: number
  readonly sourceFormat: AcceptedFormat
  readonly sourceBytes: number
  /**
   * The file as read (device, inode, size, modification time in ns): the commit checks the file is
   * unchanged without reading or decoding it again, and decodes it again only if this differs.
   */
  readonly sourceStamp: string
  /** Size of the normalised JPEG, which the preview already put in the encrypted image store. */
  readonly jpegBytes: number
}

export type ImageDeps = {
  readonly intake: Pick<ImageIntake, 'normalize' | 'assess'>
  readonly maxFileBytes: number
  /**
   * The preview keeps each normalised JPEG in the encrypted image store, so the commit need not
   * decode the scans a second time (an unused one is swept as an orphan at the next start).
   */
  readonly keep?: (jpeg: Buffer) => Promise<void>
}

export interface LoadedImages {
  readonly images: Partial<Record<ImageSlot, { file: SourceFacts; image: NormalizedImage }>>
  /** The gate's verdict on the images that decoded, together (duplicates across slots included). */
  readonly quality: QualityVerdict
  readonly problems: ImportProblem[]
}

/**
 * Reads, normalises and judges one row's images. One slot at a time on purpose: with two rows in
 * flight that keeps both cores busy while at most two source files are held in memory.
 */
export async function loadRowImages(files: Record<ImageSlot, string | null>, folder: ImageFolder, deps: ImageDeps): Promise<LoadedImages> {
  const images: Partial<Record<ImageSlot, { file: SourceFacts; image: NormalizedImage }>> = {}
  const problems: ImportProblem[] = []
  for (const slot of imageSlots) {
    const name = files[slot]
    if (name === null) continue
    const resolved = await folder.resolve(name, deps.maxFileBytes)
    if (!resolved.ok) {
      problems.push(rowProblem(slot, resolved.problem))
      continue
    }
    let bytes: Buffer
    let stamp: string
    try {
      ;({ bytes, stamp } = await folder.read(resolved.path))
    } catch (error) {
      problems.push(rowProblem(slot, { code: 'file.unreadable', name, detail: (error as NodeJS.ErrnoException).code ?? 'unknown' }))
      continue
    }
    const result = await deps.intake.normalize(bytes, { slot })
    if (!result.ok) {
      problems.push(imageFailureProblem(slot, result.reason))
      continue
    }
    const { image } = result
    if (deps.keep) await deps.keep(image.jpeg)
    images[slot] = {
      image,
      file: {
        fileName: name,
        path: resolved.path,
        sha256: image.sha256,
        width: image.width,
        height: image.height,
        sourceFormat: image.sourceFormat,
        sourceBytes: image.sourceBytes,
        sourceStamp: stamp,
        jpegBytes: image.jpeg.length,
      },
    }
  }
  const decoded = Object.fromEntries(imageSlots.flatMap((s) => (images[s] ? [[s, images[s].image]] : []))) as Partial<Record<ImageSlot, NormalizedImage>>
  const quality = deps.intake.assess(decoded)
  problems.push(...quality.issues.map(qualityProblem))
  return { images, quality, problems }
}

export function slotVerdict(verdict: QualityVerdict, slot: ImageSlot): JsonValue {
  const issues = verdict.issues.filter((i) => i.slot === slot)
  return jsonValueSchema.parse({ passed: issues.length === 0, issues })
}

/** The preview's view: facts only, the JPEG bytes dropped. */
export function previewImages(loaded: LoadedImages): Partial<Record<ImageSlot, PreviewImage>> {
  return Object.fromEntries(
    imageSlots.flatMap((s) => {
      const entry = loaded.images[s]
      if (!entry) return []
      const image: PreviewImage = { ...entry.file, quality: slotVerdict(loaded.quality, s), flagged: loaded.quality.issues.some((i) => i.slot === s) }
      return [[s, image]]
    }),
  )
}
