import { describe, expect, it } from 'vitest'
import { dHash, glareFraction, hammingDistance, laplacianVariance, meanLuminance, type GreyImage } from './metrics'

const image = (width: number, height: number, pixel: (x: number, y: number) => number): GreyImage => {
  const data = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = pixel(x, y)
  return { data, width, height }
}

describe('laplacianVariance', () => {
  it('is 0 for flat and linear-ramp images (no second derivative)', () => {
    expect(laplacianVariance(image(20, 10, () => 128))).toBe(0)
    expect(laplacianVariance(image(20, 10, (x) => x * 10))).toBe(0)
  })

  it('matches the hand-computed value for a checkerboard', () => {
    // Every interior pixel has four neighbours of the other colour: L = ±4*255, mean 0.
    expect(laplacianVariance(image(6, 6, (x, y) => ((x + y) % 2 === 0 ? 255 : 0)))).toBe(1020 ** 2)
  })

  it('keeps the negative response that an 8-bit convolution would clamp away', () => {
    // One bright dot in a 5x5 field: interior responses are -400 once and +100 four times.
    // Signed: variance = (400² + 4·100²) / 9. Clamped at 0 it would be about 2,469 instead.
    const dot = image(5, 5, (x, y) => (x === 2 && y === 2 ? 100 : 0))
    expect(laplacianVariance(dot)).toBeCloseTo(200_000 / 9, 6)
  })

  it('returns 0 for images too small to have an interior', () => {
    expect(laplacianVariance(image(2, 40, () => 9))).toBe(0)
  })
})

describe('meanLuminance', () => {
  it('averages the grey levels', () => {
    expect(meanLuminance(image(4, 1, (x) => [0, 100, 200, 100][x]!))).toBe(100)
  })
})

describe('glareFraction', () => {
  const grey = (): number => 120
  it('measures a saturated patch inside the frame, at 8-pixel block resolution', () => {
    const spot = image(200, 100, (x, y) => (x >= 80 && x < 120 && y >= 40 && y < 64 ? 255 : grey()))
    expect(glareFraction(spot, 250)).toBe((40 * 24) / (200 * 100))
    // A patch edge covering under 75% of a block row drops that row: 40x20 measures as 40x16.
    const unaligned = image(200, 100, (x, y) => (x >= 80 && x < 120 && y >= 40 && y < 60 ? 255 : grey()))
    expect(glareFraction(unaligned, 250)).toBe((40 * 16) / (200 * 100))
  })

  it('ignores white regions touching the border (scanner lid, desk)', () => {
    const margin = image(200, 100, (x) => (x < 50 ? 255 : grey()))
    expect(glareFraction(margin, 250)).toBe(0)
  })

  it('ignores scattered bright pixels that never fill a block', () => {
    const speckle = image(200, 100, (x, y) => ((x * 7 + y * 13) % 5 === 0 ? 255 : grey()))
    expect(glareFraction(speckle, 250)).toBe(0)
  })
})

describe('dHash', () => {
  it('sets a bit where the left cell is brighter than the right', () => {
    expect(dHash(image(90, 80, (x) => 255 - x * 2))).toBe('ffffffffffffffff')
    expect(dHash(image(90, 80, (x) => x * 2))).toBe('0000000000000000')
  })

  it('survives rescaling of the same picture', () => {
    const picture = (scale: number) => image(90 * scale, 80 * scale, (x, y) => ((Math.floor(x / (9 * scale)) * 37 + Math.floor(y / (10 * scale)) * 91) % 256))
    expect(hammingDistance(dHash(picture(1)), dHash(picture(3)))).toBe(0)
  })

  it('works on images smaller than the 9x8 grid without dividing by zero', () => {
    expect(dHash(image(3, 2, (x) => x * 50))).toMatch(/^[0-9a-f]{16}$/)
  })
})

describe('hammingDistance', () => {
  it('counts differing bits', () => {
    expect(hammingDistance('ffffffffffffffff', '0000000000000000')).toBe(64)
    expect(hammingDistance('0f00000000000001', '0000000000000000')).toBe(5)
    expect(hammingDistance('abcdef0123456789', 'abcdef0123456789')).toBe(0)
  })
})
