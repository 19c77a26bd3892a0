import sharp from 'sharp'
import type { IsoDate } from '../../../../shared/domain/identity'
import type { ImageSlot } from '../../../../shared/domain/images'
import { parseMrz, type MrzResult } from '../../../../shared/identity'
import { createLimiter } from './limiter'
import { createMrzReader, type MrzReadFailure, type MrzReadResult } from './mrz-ocr'
import { normalizeImage } from './normalize-image'
import { imageIntakeOptionsSchema, type ImageIntakeOptions } from './options'
import { assessImage, assessImages, verdictOf } from './quality-gate'
import type { NormalizedImage, NormalizeResult, QualityVerdict } from './types'

export type { ImageIntakeOptions, QualityThresholds, NormalizeLimits } from './options'
export type { MrzReadResult, MrzReadFailure } from './mrz-ocr'
export type { MrzFormat } from './mrz-text'
export type * from './types'
export { failureReason, qualityReason } from './reasons'

/**
 * The MRZ as OCR read it and as the identity rules judged it. Fill the form from `mrz.data` only
 * when `mrz.valid`: that is every check digit passing, which a misread character almost never does.
 */
export type MrzScan =
  | (Omit<Extract<MrzReadResult, { ok: true }>, 'ok'> & { ok: true; mrz: MrzResult })
  | { ok: false; reason: MrzReadFailure }

export interface ImageIntake {
  /**
   * Decodes, orients, converts and strips one image, and judges it on its own. Never throws for
   * bad input: check `ok` before touching `image`.
   */
  normalize(input: Buffer, context: { slot: ImageSlot }): Promise<NormalizeResult>
  /** The applicant's images together: each image's issues plus the same picture in two slots. */
  assess(images: Partial<Record<ImageSlot, NormalizedImage>>): QualityVerdict
  /** Reads the MRZ from a document image (best: the normalised JPEG) offline, and parses it. */
  readMrz(image: Buffer, context: { today: IsoDate }): Promise<MrzScan>
  /** Stops the OCR worker, if one was started. */
  close(): Promise<void>
}

export function createImageIntake(options: ImageIntakeOptions = {}): ImageIntake {
  const config = imageIntakeOptionsSchema.parse(options)
  if (config.sharpConcurrency !== undefined) sharp.concurrency(config.sharpConcurrency)
  const limit = createLimiter(config.parallelism)
  const mrz = createMrzReader({ langPath: config.ocrLangPath, maxInputPixels: config.limits.maxInputPixels })

  return {
    normalize: (input, { slot }) =>
      limit(async (): Promise<NormalizeResult> => {
        const outcome = await normalizeImage(input, config.limits, config.quality.glareLevel)
        if (!outcome.ok) return { ok: false, slot, reason: outcome.reason }
        return { ok: true, slot, image: outcome.image, quality: verdictOf(assessImage(slot, outcome.image, config.quality)) }
      }),
    assess: (images) => assessImages(images, config.quality),
    readMrz: async (image, { today }) => {
      const read = await mrz.read(image)
      if (!read.ok) return read
      return { ...read, mrz: parseMrz(read.lines.join('\n'), { today }) }
    },
    close: () => mrz.terminate(),
  }
}
