import { availableParallelism } from 'node:os'
import { z } from 'zod'

/**
 * Thresholds of the quality gate. Defaults suit ID cards and passport pages photographed or
 * scanned at a branch counter; every one can be tuned per installation without a code change.
 */
export const qualityThresholdsSchema = z.object({
  /** Minimum long and short side in pixels (orientation-independent: a portrait photo of a card counts). */
  minLongSide: z.number().int().positive().default(800),
  minShortSide: z.number().int().positive().default(500),
  /** Laplacian variance at the fixed working size (see metrics.ts); below this the image is blurred. */
  minBlurScore: z.number().nonnegative().default(100),
  /** Mean luminance 0-255. */
  minMeanLuminance: z.number().min(0).max(255).default(50),
  maxMeanLuminance: z.number().min(0).max(255).default(235),
  /** Grey level from which a pixel counts as saturated (glare). */
  glareLevel: z.number().int().min(1).max(255).default(250),
  /** Largest interior saturated region, as a fraction of the image area. */
  maxGlareFraction: z.number().min(0).max(1).default(0.03),
  /** dHash Hamming distance (of 64 bits) at or below which two slots hold the same picture. */
  maxDuplicateDistance: z.number().int().min(0).max(64).default(8),
})
export type QualityThresholds = z.infer<typeof qualityThresholdsSchema>

export const normalizeLimitsSchema = z.object({
  /** Refuse larger inputs before decoding anything. */
  maxFileBytes: z.number().int().positive().default(25 * 1024 * 1024),
  /** Refuse inputs whose header promises more pixels than this (decompression bombs). */
  maxInputPixels: z.number().int().positive().default(100_000_000),
  /** Long side of the stored JPEG; smaller images are never enlarged. */
  maxLongSide: z.number().int().min(64).max(10_000).default(2000),
  jpegQuality: z.number().int().min(40).max(100).default(88),
})
export type NormalizeLimits = z.infer<typeof normalizeLimitsSchema>

export const imageIntakeOptionsSchema = z.object({
  limits: normalizeLimitsSchema.prefault({}),
  quality: qualityThresholdsSchema.prefault({}),
  /**
   * How many images are decoded at once. Image-level parallelism across both cores beats
   * libvips' per-image threads for batches, and the cap bounds peak memory when an import
   * fires hundreds of files at once.
   */
  parallelism: z.number().int().min(1).max(64).default(() => availableParallelism()),
  /**
   * Sets libvips' per-image thread count (process-wide, `sharp.concurrency`). Left alone when
   * absent, since another part of the app may have chosen it.
   */
  sharpConcurrency: z.number().int().min(0).max(64).optional(),
  /** Directory holding `eng.traineddata.gz` (legacy-capable); defaults to @tesseract.js-data/eng's 4.0.0. */
  ocrLangPath: z.string().min(1).optional(),
})
export type ImageIntakeOptions = z.input<typeof imageIntakeOptionsSchema>
export type ResolvedImageIntakeOptions = z.output<typeof imageIntakeOptionsSchema>
