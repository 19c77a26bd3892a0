import type { ErrorReason } from '../../../../shared/contract/errors'
import type { ImageSource } from '../../../../shared/domain/images'
import type { NormalizeFailure, QualityIssue } from './types'

const int = (n: number): number => Math.round(n)
const percent = (fraction: number): string => (fraction * 100).toFixed(1)
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1)

/**
 * A quality finding as shared/i18n/image-check words it: the verdict with what to do (by the
 * image's source), and the measurement as a secondary line.
 */
export function qualityReason(issue: QualityIssue, source: ImageSource): { reason: ErrorReason; detail: ErrorReason | null } {
  switch (issue.code) {
    case 'duplicate':
      return { reason: { key: `imageCheck.duplicate.${issue.otherSlot}` }, detail: null }
    case 'near-duplicate':
      return {
        reason: { key: `imageCheck.duplicate.${issue.otherSlot}` },
        detail: { key: 'imageCheck.measured.near-duplicate', params: { measured: issue.measured, threshold: issue.threshold } },
      }
    case 'too-small':
      return {
        reason: { key: `imageCheck.too-small.${source}` },
        detail: {
          key: 'imageCheck.measured.too-small',
          params: { width: issue.measured.width, height: issue.measured.height, minWidth: issue.threshold.width, minHeight: issue.threshold.height },
        },
      }
    case 'glare':
      return {
        reason: { key: `imageCheck.glare.${source}` },
        detail: { key: 'imageCheck.measured.glare', params: { measured: percent(issue.measured), threshold: percent(issue.threshold) } },
      }
    default:
      return {
        reason: { key: `imageCheck.${issue.code}.${source}` },
        detail: { key: `imageCheck.measured.${issue.code}`, params: { measured: int(issue.measured), threshold: int(issue.threshold) } },
      }
  }
}

/** Why a file never became an image, as shared/i18n/image-check words it. */
export function failureReason(failure: NormalizeFailure): ErrorReason {
  switch (failure.code) {
    case 'file-too-large':
      return { key: 'imageFile.file-too-large', params: { mb: mb(failure.bytes), maxMb: mb(failure.maxBytes) } }
    case 'unsupported-format':
      return { key: 'imageFile.unsupported-format', params: { format: failure.format.toUpperCase() } }
    case 'too-many-pixels':
      return { key: 'imageFile.too-many-pixels', params: { width: failure.width, height: failure.height } }
    default:
      return { key: `imageFile.${failure.code}` }
  }
}
