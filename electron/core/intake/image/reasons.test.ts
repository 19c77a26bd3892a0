import { describe, expect, it } from 'vitest'
import { wordReason } from '../../../cli/words'
import { messageLocales } from '../../../../shared/i18n'
import { imageSourceSchema } from '../../../../shared/domain/images'
import { failureReason, qualityReason } from './reasons'
import type { NormalizeFailure, QualityIssue } from './types'

const sampleFailures: Record<NormalizeFailure['code'], NormalizeFailure> = {
  'empty-file': { code: 'empty-file' },
  'file-too-large': { code: 'file-too-large', bytes: 31_457_280, maxBytes: 26_214_400 },
  'heic-unsupported': { code: 'heic-unsupported' },
  'pdf-unsupported': { code: 'pdf-unsupported' },
  'unsupported-format': { code: 'unsupported-format', format: 'gif' },
  'not-an-image': { code: 'not-an-image' },
  'too-many-pixels': { code: 'too-many-pixels', width: 12_000, height: 12_000, maxPixels: 100_000_000 },
  truncated: { code: 'truncated', detail: 'premature end' },
  corrupt: { code: 'corrupt', detail: 'bad huffman' },
}
const sampleIssues: Record<QualityIssue['code'], QualityIssue> = {
  'too-small': { code: 'too-small', slot: 'back', measured: { width: 640, height: 400 }, threshold: { width: 800, height: 500 } },
  blurred: { code: 'blurred', slot: 'front', measured: 12, threshold: 100 },
  'too-dark': { code: 'too-dark', slot: 'front', measured: 31, threshold: 50 },
  overexposed: { code: 'overexposed', slot: 'hand', measured: 246, threshold: 235 },
  glare: { code: 'glare', slot: 'front', measured: 0.083, threshold: 0.03 },
  duplicate: { code: 'duplicate', slot: 'back', otherSlot: 'front', measured: 0, threshold: 0 },
  'near-duplicate': { code: 'near-duplicate', slot: 'back', otherSlot: 'front', measured: 3, threshold: 8 },
}

// Every refusal and finding the image pipeline can raise has its own words in both languages.
describe('image reasons', () => {
  it.each(Object.values(sampleFailures))('failure $code is worded in every language, with its values', (failure) => {
    const reason = failureReason(failure)
    for (const locale of messageLocales) expect(wordReason(reason, locale)).not.toBe(reason.key)
    expect(wordReason(reason, 'en')).not.toBe(wordReason(reason, 'zh-CN'))
  })

  it.each(Object.values(sampleIssues))('finding $code is worded for every source and language', (issue) => {
    for (const source of imageSourceSchema.options) {
      const { reason, detail } = qualityReason(issue, source)
      for (const locale of messageLocales) {
        expect(wordReason(reason, locale)).not.toBe(reason.key)
        if (detail) expect(wordReason(detail, locale)).not.toMatch(/imageCheck|\{/)
      }
    }
  })

  it('gives sizes in MB and percentages with one decimal', () => {
    expect(wordReason(failureReason(sampleFailures['file-too-large']), 'en')).toContain('30.0 MB, limit 25.0 MB')
    expect(wordReason(qualityReason(sampleIssues.glare, 'camera').detail ?? { key: '' }, 'en')).toContain('8.3% of the image, at most 3.0%')
  })
})
