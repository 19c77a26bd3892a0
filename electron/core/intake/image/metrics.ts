import type { ImageMetrics } from './types'

/** An 8-bit single-channel image, row-major, no padding. */
export interface GreyImage {
  data: Uint8Array
  width: number
  height: number
}

/**
 * Variance of the 3x3 Laplacian [0 1 0; 1 -4 1; 0 1 0] over interior pixels, kept as signed
 * numbers. Done in JS on purpose: sharp's `convolve` on 8-bit data clamps the negative half of
 * the response to 0, and `stats()` measures the input rather than the pipeline output, so neither
 * yields the textbook score the thresholds are written against.
 */
export function laplacianVariance({ data, width, height }: GreyImage): number {
  if (width < 3 || height < 3) return 0
  let sum = 0
  let sumSq = 0
  for (let y = 1; y < height - 1; y++) {
    let i = y * width + 1
    for (let x = 1; x < width - 1; x++, i++) {
      // Non-null assertions are safe: i±1 and i±width stay inside the interior loop bounds.
      const v = data[i - width]! + data[i + width]! + data[i - 1]! + data[i + 1]! - 4 * data[i]!
      sum += v
      sumSq += v * v
    }
  }
  const n = (width - 2) * (height - 2)
  const mean = sum / n
  return sumSq / n - mean * mean
}

export function meanLuminance({ data }: GreyImage): number {
  let sum = 0
  for (let i = 0; i < data.length; i++) sum += data[i]!
  return data.length === 0 ? 0 : sum / data.length
}

const glareBlock = 8
const glareBlockFill = 0.75

/**
 * Area of the largest saturated region that does not touch the image border, as a fraction of
 * the image. Regions touching the border are skipped because they are almost always a white
 * scanner lid or a bright desk around the card, while glare from a lamp or a window sits on the
 * laminate inside the frame. Works on 8x8 blocks so single specular pixels and white text
 * backgrounds with dark print do not join into one region.
 */
export function glareFraction({ data, width, height }: GreyImage, level: number): number {
  const cols = Math.ceil(width / glareBlock)
  const rows = Math.ceil(height / glareBlock)
  const saturated = new Int32Array(cols * rows)
  const area = new Int32Array(cols * rows)
  for (let y = 0; y < height; y++) {
    const rowBase = Math.floor(y / glareBlock) * cols
    for (let x = 0; x < width; x++) {
      const b = rowBase + Math.floor(x / glareBlock)
      area[b]!++
      if (data[y * width + x]! >= level) saturated[b]!++
    }
  }
  const isGlare = (b: number): boolean => saturated[b]! >= glareBlockFill * area[b]!
  const seen = new Uint8Array(cols * rows)
  const stack = new Int32Array(cols * rows)
  let largest = 0
  for (let start = 0; start < cols * rows; start++) {
    if (seen[start] || !isGlare(start)) continue
    let top = 0
    let pixels = 0
    let touchesBorder = false
    stack[top++] = start
    seen[start] = 1
    while (top > 0) {
      const b = stack[--top]!
      const bx = b % cols
      const by = (b - bx) / cols
      pixels += saturated[b]!
      if (bx === 0 || by === 0 || bx === cols - 1 || by === rows - 1) touchesBorder = true
      const neighbours = [bx > 0 ? b - 1 : -1, bx < cols - 1 ? b + 1 : -1, by > 0 ? b - cols : -1, by < rows - 1 ? b + cols : -1]
      for (const nb of neighbours) {
        if (nb >= 0 && !seen[nb] && isGlare(nb)) {
          seen[nb] = 1
          stack[top++] = nb
        }
      }
    }
    if (!touchesBorder && pixels > largest) largest = pixels
  }
  return largest / (width * height)
}

/**
 * 64-bit difference hash: the image area-averaged to 9x8, one bit per horizontal neighbour pair.
 * Survives re-encoding and rescaling, which is how the same scan ends up in two slots.
 */
export function dHash({ data, width, height }: GreyImage): string {
  const cells = new Float64Array(9 * 8)
  for (let cy = 0; cy < 8; cy++) {
    const y0 = Math.floor((cy * height) / 8)
    const y1 = Math.max(y0 + 1, Math.floor(((cy + 1) * height) / 8))
    for (let cx = 0; cx < 9; cx++) {
      const x0 = Math.floor((cx * width) / 9)
      const x1 = Math.max(x0 + 1, Math.floor(((cx + 1) * width) / 9))
      let sum = 0
      let n = 0
      for (let y = y0; y < Math.min(y1, height); y++) {
        for (let x = x0; x < Math.min(x1, width); x++, n++) sum += data[y * width + x]!
      }
      cells[cy * 9 + cx] = n === 0 ? 0 : sum / n
    }
  }
  let hex = ''
  for (let cy = 0; cy < 8; cy++) {
    let byte = 0
    for (let cx = 0; cx < 8; cx++) byte = (byte << 1) | (cells[cy * 9 + cx]! > cells[cy * 9 + cx + 1]! ? 1 : 0)
    hex += byte.toString(16).padStart(2, '0')
  }
  return hex
}

export function hammingDistance(a: string, b: string): number {
  let distance = 0
  for (let i = 0; i < Math.max(a.length, b.length); i += 2) {
    let x = parseInt(a.slice(i, i + 2) || '0', 16) ^ parseInt(b.slice(i, i + 2) || '0', 16)
    for (; x; x &= x - 1) distance++
  }
  return distance
}

export function measure(grey: GreyImage, glareLevel: number): ImageMetrics {
  return {
    blurScore: laplacianVariance(grey),
    meanLuminance: meanLuminance(grey),
    glareFraction: glareFraction(grey, glareLevel),
    dHash: dHash(grey),
  }
}
