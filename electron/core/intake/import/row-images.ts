import { readFile } from 'node:fs/promises'
import { imageSlots, type ImageSlot, type Sha256Hex } from '../../../../shared/domain/images'
import type { AcceptedFormat, ImageIntake, NormalizedImage, QualityVerdict } from '../image'
import { resolveImagePath } from './image-path'
import type { ImportProblem } from './problems'
import { imageFailureProblem, qualityProblem, rowProblem } from './to-problem'

/** What the preview keeps of an image: its facts, never its pixels (a large manifest must fit in memory). */
export interface PreviewImage {
  readonly fileName: string
  /** Resolved inside the images folder; main process only. */
  readonly path: string
  /** Of the normalised JPEG: the commit checks the file still gives the same image. */
  readonly sha256: Sha256Hex
  readonly width: number
  readonly height: number
  readonly sourceFormat: AcceptedFormat
  readonly sourceBytes: number
}

export type ImageDeps = {
  readonly intake: Pick<ImageIntake, 'normalize' | 'assess'>
  readonly maxFileBytes: number
}

export interface LoadedImages {
  readonly images: Partial<Record<ImageSlot, { file: PreviewImage; image: NormalizedImage }>>
  /** The gate's verdict on the images that decoded, together (duplicates across slots included). */
  readonly quality: QualityVerdict
  readonly problems: ImportProblem[]
}

/**
 * Reads, normalises and judges one row's images. One slot at a time on purpose: with two rows in
 * flight that keeps both cores busy while at most two source files are held in memory.
 */
export async function loadRowImages(files: Record<ImageSlot, string | null>, imagesDir: string, deps: ImageDeps): Promise<LoadedImages> {
  const images: Partial<Record<ImageSlot, { file: PreviewImage; image: NormalizedImage }>> = {}
  const problems: ImportProblem[] = []
  for (const slot of imageSlots) {
    const name = files[slot]
    if (name === null) continue
    const resolved = await resolveImagePath(imagesDir, name, deps.maxFileBytes)
    if (!resolved.ok) {
      problems.push(rowProblem(slot, resolved.problem))
      continue
    }
    let bytes: Buffer
    try {
      bytes = await readFile(resolved.path)
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
      },
    }
  }
  const decoded = Object.fromEntries(imageSlots.flatMap((s) => (images[s] ? [[s, images[s].image]] : []))) as Partial<Record<ImageSlot, NormalizedImage>>
  const quality = deps.intake.assess(decoded)
  problems.push(...quality.issues.map(qualityProblem))
  return { images, quality, problems }
}

/** The preview's view: facts only, the JPEG bytes dropped. */
export function previewImages(loaded: LoadedImages): Partial<Record<ImageSlot, PreviewImage>> {
  return Object.fromEntries(imageSlots.flatMap((s) => (loaded.images[s] ? [[s, loaded.images[s].file]] : [])))
}
