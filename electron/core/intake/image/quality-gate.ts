import { imageSlots, type ImageSlot } from '../../../../shared/domain/images'
import { hammingDistance } from './metrics'
import type { QualityThresholds } from './options'
import type { NormalizedImage, QualityIssue, QualityVerdict } from './types'

/** Per-image checks: everything that can be judged from one image alone. */
export function assessImage(slot: ImageSlot, image: NormalizedImage, t: QualityThresholds): QualityIssue[] {
  const issues: QualityIssue[] = []
  const long = Math.max(image.width, image.height)
  const short = Math.min(image.width, image.height)
  if (long < t.minLongSide || short < t.minShortSide) {
    // Reported in the image's own orientation so the numbers match what the operator sees.
    const portrait = image.height > image.width
    issues.push({
      code: 'too-small',
      slot,
      measured: { width: image.width, height: image.height },
      threshold: portrait
        ? { width: t.minShortSide, height: t.minLongSide }
        : { width: t.minLongSide, height: t.minShortSide },
    })
  }
  const m = image.metrics
  if (m.blurScore < t.minBlurScore) issues.push({ code: 'blurred', slot, measured: round(m.blurScore), threshold: t.minBlurScore })
  if (m.meanLuminance < t.minMeanLuminance) {
    issues.push({ code: 'too-dark', slot, measured: round(m.meanLuminance), threshold: t.minMeanLuminance })
  } else if (m.meanLuminance > t.maxMeanLuminance) {
    issues.push({ code: 'overexposed', slot, measured: round(m.meanLuminance), threshold: t.maxMeanLuminance })
  }
  if (m.glareFraction > t.maxGlareFraction) {
    issues.push({ code: 'glare', slot, measured: Math.round(m.glareFraction * 1000) / 1000, threshold: t.maxGlareFraction })
  }
  return issues
}

/**
 * Cross-slot check: the same file or the same picture in two slots (the back scanned twice, the
 * front dropped on both). Reported once, on the later slot, naming the earlier one.
 */
export function assessDuplicates(
  images: Partial<Record<ImageSlot, NormalizedImage>>,
  t: QualityThresholds,
): QualityIssue[] {
  const present = imageSlots.flatMap((slot) => {
    const image = images[slot]
    return image ? [{ slot, image }] : []
  })
  const issues: QualityIssue[] = []
  for (let i = 0; i < present.length; i++) {
    for (let j = 0; j < i; j++) {
      const later = present[i]!
      const earlier = present[j]!
      if (later.image.sha256 === earlier.image.sha256) {
        issues.push({ code: 'duplicate', slot: later.slot, otherSlot: earlier.slot, measured: 0, threshold: 0 })
        break
      }
      const distance = hammingDistance(later.image.metrics.dHash, earlier.image.metrics.dHash)
      if (distance <= t.maxDuplicateDistance) {
        issues.push({ code: 'near-duplicate', slot: later.slot, otherSlot: earlier.slot, measured: distance, threshold: t.maxDuplicateDistance })
        break
      }
    }
  }
  return issues
}

/** The whole applicant's images: each image's own issues plus duplicates across slots. */
export function assessImages(
  images: Partial<Record<ImageSlot, NormalizedImage>>,
  t: QualityThresholds,
): QualityVerdict {
  const issues = imageSlots.flatMap((slot) => {
    const image = images[slot]
    return image ? assessImage(slot, image, t) : []
  })
  return verdictOf([...issues, ...assessDuplicates(images, t)])
}

export const verdictOf = (issues: QualityIssue[]): QualityVerdict => ({ passed: issues.length === 0, issues })

const round = (n: number): number => Math.round(n * 10) / 10
