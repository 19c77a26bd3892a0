import type { ImageSlot, Sha256Hex } from '../../../../shared/domain/images'

/** Formats we accept, judged by content. Document scanners write TIFF; phones and webcams JPEG. */
export const acceptedFormats = ['jpeg', 'png', 'webp', 'tiff'] as const
export type AcceptedFormat = (typeof acceptedFormats)[number]

/** Recognised but refused formats that deserve their own wording. */
export type OtherImageFormat = 'gif' | 'bmp' | 'avif' | 'svg' | 'jpeg2000' | 'jpeg-xl' | 'ico'

/** Why an input never became a stored image. Each code is worded by `imageFile.*` (reasons.ts). */
export type NormalizeFailure =
  | { code: 'empty-file' }
  | { code: 'file-too-large'; bytes: number; maxBytes: number }
  | { code: 'heic-unsupported' }
  | { code: 'pdf-unsupported' }
  | { code: 'unsupported-format'; format: OtherImageFormat }
  | { code: 'not-an-image' }
  | { code: 'too-many-pixels'; width: number; height: number; maxPixels: number }
  | { code: 'truncated'; detail: string }
  | { code: 'corrupt'; detail: string }
export type NormalizeFailureCode = NormalizeFailure['code']

/** Measurements taken from the decoded pixels in the same pass as the encode. */
export interface ImageMetrics {
  /** Variance of the float Laplacian at the working size; higher is sharper. */
  blurScore: number
  /** Mean grey level 0-255. */
  meanLuminance: number
  /** Largest saturated region not touching the border, as a fraction of the image area. */
  glareFraction: number
  /** 64-bit difference hash as 16 lower-case hex digits. */
  dHash: string
}

export interface NormalizedImage {
  /** Baseline sRGB JPEG without any metadata: what the vault stores and OSS receives. */
  jpeg: Buffer
  sha256: Sha256Hex
  width: number
  height: number
  sourceFormat: AcceptedFormat
  /** Upright (EXIF-oriented) size of the source, before resizing. */
  sourceWidth: number
  sourceHeight: number
  sourceBytes: number
  metrics: ImageMetrics
}

type Measured<C extends string, M> = { code: C; slot: ImageSlot; measured: M; threshold: M }

/** One explained reason an image should not be queued as it is. */
export type QualityIssue =
  | Measured<'too-small', { width: number; height: number }>
  | Measured<'blurred', number>
  | Measured<'too-dark', number>
  | Measured<'overexposed', number>
  | Measured<'glare', number>
  /** The same file in two slots: identical normalised bytes. */
  | (Measured<'duplicate', number> & { otherSlot: ImageSlot })
  /** The same picture re-encoded or re-scaled: dHash distance at or below the threshold. */
  | (Measured<'near-duplicate', number> & { otherSlot: ImageSlot })
export type QualityIssueCode = QualityIssue['code']

export interface QualityVerdict {
  passed: boolean
  issues: QualityIssue[]
}

export type NormalizeResult =
  | { ok: true; slot: ImageSlot; image: NormalizedImage; quality: QualityVerdict }
  | { ok: false; slot: ImageSlot; reason: NormalizeFailure }
