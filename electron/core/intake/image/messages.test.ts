import { describe, expect, it } from 'vitest'
import { describeFailure, describeIssue, messageLanguages, normalizeFailureCodes, qualityIssueCodes } from './messages'
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

describe('messages', () => {
  it('has the exact wording the issue asks for', () => {
    expect(describeIssue(sampleIssues.blurred, 'en')).toBe('front image is blurred: score 12, needs 100; rescan')
    expect(describeIssue(sampleIssues.blurred, 'zh-CN')).toBe('正面照片模糊：清晰度 12，需要 100；请重新扫描')
    expect(describeFailure('front', sampleFailures['heic-unsupported'], 'en')).toBe(
      'front image: HEIC photos from iPhones are not supported; export as JPEG',
    )
  })

  it.each(normalizeFailureCodes)('failure %s has a distinct text in every language', (code) => {
    const texts = messageLanguages.map((lang) => describeFailure('back', sampleFailures[code], lang))
    expect(new Set(texts).size).toBe(messageLanguages.length)
    expect(texts[messageLanguages.indexOf('zh-CN')]).toMatch(/^背面照片：[\s\S]*[\u4e00-\u9fff]/)
    expect(texts[messageLanguages.indexOf('en')]).toMatch(/^back image: [ -~]+$/)
  })

  it.each(qualityIssueCodes)('issue %s has a distinct text in every language, with its numbers', (code) => {
    const issue = sampleIssues[code]
    const texts = messageLanguages.map((lang) => describeIssue(issue, lang))
    expect(new Set(texts).size).toBe(messageLanguages.length)
    for (const text of texts) {
      if (typeof issue.measured === 'number' && code !== 'duplicate') expect(text).toMatch(/\d/)
      expect(text.length).toBeGreaterThan(15)
    }
    expect(texts[messageLanguages.indexOf('zh-CN')]).toMatch(/[\u4e00-\u9fff]/)
  })

  it('covers every code exactly once', () => {
    expect([...normalizeFailureCodes].sort()).toEqual(Object.keys(sampleFailures).sort())
    expect([...qualityIssueCodes].sort()).toEqual(Object.keys(sampleIssues).sort())
  })

  it('formats measurements for people: glare as a percentage, sizes in MB and megapixels', () => {
    expect(describeIssue(sampleIssues.glare, 'en')).toContain('8.3% of the image, at most 3.0%')
    expect(describeFailure('front', sampleFailures['file-too-large'], 'en')).toContain('30.0 MB, over the 25.0 MB limit')
    expect(describeFailure('front', sampleFailures['too-many-pixels'], 'zh-CN')).toContain('12000x12000，超过 100 百万像素上限')
  })
})
