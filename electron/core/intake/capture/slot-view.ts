import sharp from 'sharp'
import { z } from 'zod'
import type { Slots, SlotState } from '../../../../shared/contract/intake'
import { imageSlots, imageSourceSchema, type ImageSlot, type ImageSource, type Sha256Hex } from '../../../../shared/domain/images'
import type { ImageMeta } from '../../queue/types'
import type { ImageStore } from '../../vault/image-store'
import { qualityReason, type ImageIntake, type ImageMetrics, type NormalizedImage, type QualityIssue } from '../image'

/** The long side of the previews the renderer shows; the stored image itself never leaves main. */
export const previewLongSide = 480

const metricsSchema = z.object({
  blurScore: z.number(),
  meanLuminance: z.number(),
  glareFraction: z.number(),
  dHash: z.string().regex(/^[0-9a-f]{16}$/),
})
const storedQualitySchema = z.object({ metrics: metricsSchema })
/** Images stored before the source was recorded (or imported) count as chosen files. */
const storedSourceSchema = z.object({ source: imageSourceSchema })

function sourceOf(meta: ImageMeta): ImageSource {
  const stored = storedSourceSchema.safeParse(meta.quality)
  return stored.success ? stored.data.source : 'file'
}

export interface SlotViewDeps {
  readonly images: Pick<ImageStore, 'get'>
  readonly intake: () => Pick<ImageIntake, 'normalize' | 'assess'>
}

/**
 * Builds what the capture screen shows of an applicant's images: a preview per slot and the
 * quality gate's verdict on the images together (duplicates across slots need all of them).
 * Measurements are read from the stored verdict; images stored without them (batch import) are
 * measured again once. Previews and measurements are cached by content hash.
 */
export class SlotViews {
  private readonly previews = new Map<Sha256Hex, string>()
  private readonly metrics = new Map<Sha256Hex, ImageMetrics>()

  constructor(private readonly deps: SlotViewDeps) {}

  /** Remember what normalize measured, so the next view needs no second pass. */
  remember(sha256: Sha256Hex, metrics: ImageMetrics): void {
    this.metrics.set(sha256, metrics)
  }

  async view(images: Partial<Record<ImageSlot, ImageMeta>>): Promise<Slots> {
    const normalized: Partial<Record<ImageSlot, NormalizedImage>> = {}
    const jpegs = new Map<ImageSlot, Buffer>()
    for (const slot of imageSlots) {
      const meta = images[slot]
      if (!meta) continue
      const jpeg = await this.deps.images.get(meta.sha256)
      jpegs.set(slot, jpeg)
      normalized[slot] = await this.asNormalized(slot, meta, jpeg)
    }
    const verdict = this.deps.intake().assess(normalized)
    const slots: Slots = { front: null, back: null, hand: null }
    for (const slot of imageSlots) {
      const meta = images[slot]
      const jpeg = jpegs.get(slot)
      if (!meta || !jpeg) continue
      slots[slot] = await this.state(meta, jpeg, verdict.issues.filter((i) => i.slot === slot))
    }
    this.trim()
    return slots
  }

  private async state(meta: ImageMeta, jpeg: Buffer, issues: QualityIssue[]): Promise<SlotState> {
    return {
      slot: meta.slot,
      sha256: meta.sha256,
      width: meta.width,
      height: meta.height,
      bytes: meta.byteSize,
      previewDataUrl: await this.preview(meta.sha256, jpeg),
      issues: issues.map((issue) => ({ code: issue.code, ...qualityReason(issue, sourceOf(meta)) })),
      overrideReason: meta.overrideReason,
    }
  }

  private async asNormalized(slot: ImageSlot, meta: ImageMeta, jpeg: Buffer): Promise<NormalizedImage> {
    const metrics = await this.metricsOf(slot, meta, jpeg)
    return {
      jpeg,
      sha256: meta.sha256,
      width: meta.width,
      height: meta.height,
      sourceFormat: 'jpeg',
      sourceWidth: meta.width,
      sourceHeight: meta.height,
      sourceBytes: meta.byteSize,
      metrics,
    }
  }

  private async metricsOf(slot: ImageSlot, meta: ImageMeta, jpeg: Buffer): Promise<ImageMetrics> {
    const cached = this.metrics.get(meta.sha256)
    if (cached) return cached
    const stored = storedQualitySchema.safeParse(meta.quality)
    if (stored.success) {
      this.metrics.set(meta.sha256, stored.data.metrics)
      return stored.data.metrics
    }
    const measured = await this.deps.intake().normalize(jpeg, { slot })
    if (!measured.ok) throw new Error(`stored image for ${slot} no longer decodes`)
    this.metrics.set(meta.sha256, measured.image.metrics)
    return measured.image.metrics
  }

  private async preview(sha256: Sha256Hex, jpeg: Buffer): Promise<string> {
    const cached = this.previews.get(sha256)
    if (cached) return cached
    const small = await sharp(jpeg)
      .resize({ width: previewLongSide, height: previewLongSide, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 72 })
      .toBuffer()
    const url = `data:image/jpeg;base64,${small.toString('base64')}`
    this.previews.set(sha256, url)
    return url
  }

  /** A counter captures a few applicants at a time; keep the caches small. */
  private trim(): void {
    for (const cache of [this.previews, this.metrics] as Map<Sha256Hex, unknown>[]) {
      while (cache.size > 60) {
        const oldest = cache.keys().next().value
        if (oldest === undefined) break
        cache.delete(oldest)
      }
    }
  }
}
