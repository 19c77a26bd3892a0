import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { normalizeImage } from './normalize-image'
import { normalizeLimitsSchema, qualityThresholdsSchema } from './options'
import { assessImage, assessImages } from './quality-gate'
import { buildCorpus, type Corpus } from './test-fixtures/corpus'
import type { NormalizedImage } from './types'

const thresholds = qualityThresholdsSchema.parse({})
const limits = normalizeLimitsSchema.parse({})
let corpus: Corpus
const images: Partial<Record<keyof Corpus | 'frontResaved', NormalizedImage>> = {}

async function normalized(input: Buffer): Promise<NormalizedImage> {
  const result = await normalizeImage(input, limits, thresholds.glareLevel)
  if (!result.ok) throw new Error(JSON.stringify(result.reason))
  return result.image
}
const image = (name: keyof typeof images): NormalizedImage => {
  const found = images[name]
  if (!found) throw new Error(`fixture ${name} missing`)
  return found
}
const codes = (name: keyof typeof images, t = thresholds) => assessImage('front', image(name), t).map((i) => i.code)

beforeAll(async () => {
  corpus = await buildCorpus()
  for (const name of ['front', 'back', 'rotated', 'blurred', 'dark', 'overexposed', 'glare', 'small', 'cmykJpeg', 'png16', 'tiff', 'webp'] as const) {
    images[name] = await normalized(corpus[name])
  }
  // The same scan saved again smaller and at another quality, as happens when it is exported twice.
  images.frontResaved = await normalized(await sharp(corpus.front).resize(1300).jpeg({ quality: 70 }).toBuffer())
})

describe('assessImage: one image on its own', () => {
  it.each(['front', 'back', 'rotated', 'cmykJpeg', 'png16', 'webp'] as const)('passes a sharp, well-lit %s', (name) => {
    expect(codes(name)).toEqual([])
  })

  it('flags blur with the measured score and threshold', () => {
    const [issue] = assessImage('front', image('blurred'), thresholds)
    expect(issue).toMatchObject({ code: 'blurred', slot: 'front', threshold: 100 })
    expect(issue?.code === 'blurred' && issue.measured).toBeLessThan(20)
    expect(image('front').metrics.blurScore).toBeGreaterThan(500)
  })

  it('flags a dark image', () => {
    expect(codes('dark')).toContain('too-dark')
  })

  it('flags an overexposed image', () => {
    expect(codes('overexposed')).toContain('overexposed')
  })

  it('flags a glare spot but not the plain document', () => {
    expect(codes('glare')).toEqual(['glare'])
    expect(image('glare').metrics.glareFraction).toBeGreaterThan(0.05)
    expect(image('front').metrics.glareFraction).toBe(0)
  })

  it('flags a small image, stating the threshold in the image orientation', () => {
    expect(assessImage('back', image('small'), thresholds)).toEqual([
      { code: 'too-small', slot: 'back', measured: { width: 640, height: 400 }, threshold: { width: 800, height: 500 } },
    ])
    const portrait = { ...image('small'), width: 400, height: 640 }
    expect(assessImage('back', portrait, thresholds)[0]).toMatchObject({ threshold: { width: 500, height: 800 } })
  })

  it('has a usable verdict for a 600x600 flat TIFF page (small and featureless)', () => {
    expect(codes('tiff')).toEqual(['too-small', 'blurred'])
  })

  it('follows configured thresholds', () => {
    const lenient = qualityThresholdsSchema.parse({ minBlurScore: 0, minMeanLuminance: 0 })
    expect(codes('dark', lenient)).toEqual([])
    const strict = qualityThresholdsSchema.parse({ minLongSide: 2000 })
    expect(codes('front', strict)).toEqual(['too-small'])
  })

  it('is independent of resolution: the same picture at 2000 and 1300 px scores alike', () => {
    const a = image('front').metrics
    const b = image('frontResaved').metrics
    expect(Math.abs(a.meanLuminance - b.meanLuminance)).toBeLessThan(2)
    expect(b.blurScore).toBeGreaterThan(thresholds.minBlurScore * 3)
  })
})

describe('assessImages: the applicant as a whole', () => {
  it('passes distinct front and back', () => {
    expect(assessImages({ front: image('front'), back: image('back') }, thresholds)).toEqual({ passed: true, issues: [] })
  })

  it('flags the same file in two slots, on the later slot', () => {
    const verdict = assessImages({ front: image('front'), back: image('back'), hand: image('front') }, thresholds)
    expect(verdict).toEqual({ passed: false, issues: [{ code: 'duplicate', slot: 'hand', otherSlot: 'front', measured: 0, threshold: 0 }] })
  })

  it('flags the same picture re-encoded and rescaled as a near-duplicate', () => {
    const verdict = assessImages({ front: image('front'), back: image('frontResaved') }, thresholds)
    expect(verdict.issues).toHaveLength(1)
    expect(verdict.issues[0]).toMatchObject({ code: 'near-duplicate', slot: 'back', otherSlot: 'front', threshold: 8 })
    expect(verdict.issues[0]?.measured).toBeLessThanOrEqual(4)
  })

  it('combines per-image and cross-slot issues', () => {
    const verdict = assessImages({ front: image('blurred'), back: image('back'), hand: image('back') }, thresholds)
    expect(verdict.issues.map((i) => `${i.slot}:${i.code}`)).toEqual(['front:blurred', 'hand:duplicate'])
  })
})
