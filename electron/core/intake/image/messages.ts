import type { ImageSlot } from '../../../../shared/domain/images'
import type { NormalizeFailure, NormalizeFailureCode, QualityIssue, QualityIssueCode } from './types'

export const messageLanguages = ['zh-CN', 'en'] as const
export type MessageLanguage = (typeof messageLanguages)[number]

const slotNames: Record<ImageSlot, Record<MessageLanguage, string>> = {
  front: { 'zh-CN': '正面照片', en: 'front image' },
  back: { 'zh-CN': '背面照片', en: 'back image' },
  hand: { 'zh-CN': '手持证件照', en: 'hand-held photo' },
}

type Texts<U extends { code: string }> = {
  [C in U['code']]: Record<MessageLanguage, (value: Extract<U, { code: C }>, slot: string) => string>
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1)
const megapixels = (pixels: number): string => String(Math.round(pixels / 1_000_000))

const failureTexts: Texts<NormalizeFailure> = {
  'empty-file': {
    en: (_, s) => `${s}: the file is empty (0 bytes); choose the file again`,
    'zh-CN': (_, s) => `${s}：文件为空（0 字节）；请重新选择文件`,
  },
  'file-too-large': {
    en: (f, s) => `${s}: the file is ${mb(f.bytes)} MB, over the ${mb(f.maxBytes)} MB limit; scan at a lower resolution or export a smaller JPEG`,
    'zh-CN': (f, s) => `${s}：文件大小 ${mb(f.bytes)} MB，超过上限 ${mb(f.maxBytes)} MB；请降低扫描分辨率或导出较小的 JPEG`,
  },
  'heic-unsupported': {
    en: (_, s) => `${s}: HEIC photos from iPhones are not supported; export as JPEG`,
    'zh-CN': (_, s) => `${s}：不支持 iPhone 的 HEIC 照片；请导出为 JPEG`,
  },
  'pdf-unsupported': {
    en: (_, s) => `${s}: PDF files are not accepted; scan to JPEG, PNG or TIFF, or export the page as an image`,
    'zh-CN': (_, s) => `${s}：不接受 PDF 文件；请扫描为 JPEG、PNG 或 TIFF，或将页面导出为图片`,
  },
  'unsupported-format': {
    en: (f, s) => `${s}: ${f.format.toUpperCase()} images are not accepted; use JPEG, PNG, WebP or TIFF`,
    'zh-CN': (f, s) => `${s}：不接受 ${f.format.toUpperCase()} 格式的图片；请使用 JPEG、PNG、WebP 或 TIFF`,
  },
  'not-an-image': {
    en: (_, s) => `${s}: this file is not an image; choose a JPEG, PNG, WebP or TIFF file`,
    'zh-CN': (_, s) => `${s}：该文件不是图片；请选择 JPEG、PNG、WebP 或 TIFF 文件`,
  },
  'too-many-pixels': {
    en: (f, s) => `${s}: the image is ${f.width}x${f.height} pixels, over the ${megapixels(f.maxPixels)} megapixel limit; scan at a lower resolution`,
    'zh-CN': (f, s) => `${s}：图片尺寸 ${f.width}x${f.height}，超过 ${megapixels(f.maxPixels)} 百万像素上限；请降低扫描分辨率`,
  },
  truncated: {
    en: (_, s) => `${s}: the file is incomplete (cut off while copying or saving); copy or scan it again`,
    'zh-CN': (_, s) => `${s}：文件不完整（复制或保存时被截断）；请重新复制或扫描`,
  },
  corrupt: {
    en: (_, s) => `${s}: the image is damaged and cannot be read; scan or photograph it again`,
    'zh-CN': (_, s) => `${s}：图片已损坏，无法读取；请重新扫描或拍摄`,
  },
}

const int = (n: number): string => String(Math.round(n))
const percent = (fraction: number): string => (fraction * 100).toFixed(1)

const issueTexts: Texts<QualityIssue> = {
  'too-small': {
    en: (i, s) =>
      `${s} is too small: ${i.measured.width}x${i.measured.height}, needs at least ${i.threshold.width}x${i.threshold.height}; rescan at a higher resolution`,
    'zh-CN': (i, s) =>
      `${s}分辨率太低：${i.measured.width}x${i.measured.height}，至少需要 ${i.threshold.width}x${i.threshold.height}；请用更高分辨率重新扫描`,
  },
  blurred: {
    en: (i, s) => `${s} is blurred: score ${int(i.measured)}, needs ${int(i.threshold)}; rescan`,
    'zh-CN': (i, s) => `${s}模糊：清晰度 ${int(i.measured)}，需要 ${int(i.threshold)}；请重新扫描`,
  },
  'too-dark': {
    en: (i, s) => `${s} is too dark: brightness ${int(i.measured)}, needs at least ${int(i.threshold)}; add light and retake`,
    'zh-CN': (i, s) => `${s}太暗：亮度 ${int(i.measured)}，至少需要 ${int(i.threshold)}；请补光后重拍`,
  },
  overexposed: {
    en: (i, s) => `${s} is overexposed: brightness ${int(i.measured)}, at most ${int(i.threshold)}; reduce the light and retake`,
    'zh-CN': (i, s) => `${s}过曝：亮度 ${int(i.measured)}，最高 ${int(i.threshold)}；请减弱光线后重拍`,
  },
  glare: {
    en: (i, s) => `${s} has glare over ${percent(i.measured)}% of the image, at most ${percent(i.threshold)}%; tilt the document or move the light and retake`,
    'zh-CN': (i, s) => `${s}有反光，占画面 ${percent(i.measured)}%，最多 ${percent(i.threshold)}%；请倾斜证件或移开光源后重拍`,
  },
  duplicate: {
    en: (i, s) => `${s} is the same file as the ${slotNames[i.otherSlot].en}; put the right image in each slot`,
    'zh-CN': (i, s) => `${s}与${slotNames[i.otherSlot]['zh-CN']}是同一个文件；请为每一栏放入正确的图片`,
  },
  'near-duplicate': {
    en: (i, s) =>
      `${s} shows the same picture as the ${slotNames[i.otherSlot].en} (difference ${i.measured}, needs more than ${i.threshold}); put the right image in each slot`,
    'zh-CN': (i, s) =>
      `${s}与${slotNames[i.otherSlot]['zh-CN']}画面相同（差异 ${i.measured}，需要大于 ${i.threshold}）；请为每一栏放入正确的图片`,
  },
}

export const normalizeFailureCodes = Object.keys(failureTexts) as NormalizeFailureCode[]
export const qualityIssueCodes = Object.keys(issueTexts) as QualityIssueCode[]

// The casts below only widen: TypeScript cannot correlate `reason.code` with the entry it picks,
// while the mapped `Texts` type already guarantees each entry takes exactly its own variant.
export function describeFailure(slot: ImageSlot, reason: NormalizeFailure, lang: MessageLanguage): string {
  const text = failureTexts[reason.code][lang] as (value: NormalizeFailure, slot: string) => string
  return text(reason, slotNames[slot][lang])
}

export function describeIssue(issue: QualityIssue, lang: MessageLanguage): string {
  const text = issueTexts[issue.code][lang] as (value: QualityIssue, slot: string) => string
  return text(issue, slotNames[issue.slot][lang])
}
