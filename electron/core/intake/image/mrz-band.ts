import sharp from 'sharp'

/** Width the page is analysed at; MRZ geometry below is in these pixels. */
const analysisWidth = 1600
/** Glyph height the OCR crop is scaled to; measured on synthetic pages, 24-30 px read best with the legacy engine (60 px lost 5% of characters). */
const targetLineHeight = 30

export interface MrzBand {
  /** Binarised, upscaled crop of the MRZ lines (PNG), ready for OCR. */
  png: Buffer
  /** False when no MRZ-like lines were found and the whole bottom of the page is returned. */
  located: boolean
  lineCount: number
}

interface Line {
  top: number
  bottom: number
  left: number
  right: number
  runs: number
}

/**
 * Finds the machine-readable zone near the bottom of a document image and crops it. MRZ lines
 * are long rows of evenly spaced glyphs, so they show up in a row profile of dark pixels as
 * bands that span most of the width and have many dark runs, unlike the portrait or the
 * printed labels above them. Assumes the page is upright (EXIF orientation is applied) and not
 * skewed by more than a degree or two.
 */
export async function cropMrzBand(image: Buffer, maxInputPixels: number, searchFraction = 0.45): Promise<MrzBand> {
  const { data, info } = await sharp(image, { failOn: 'error', limitInputPixels: maxInputPixels, autoOrient: true, pages: 1 })
    .greyscale()
    .resize({ width: analysisWidth })
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
  const width = info.width
  const height = info.height
  const top = Math.floor(height * (1 - searchFraction))
  const threshold = otsu(data.subarray(top * width))
  const lines = findLines(data, width, top, height, threshold)
  const mrz = pickMrzLines(lines, width)

  const box = mrz.length > 0 ? boxAround(mrz, width, height) : { left: 0, top: Math.floor(height * 0.7), width, height: height - Math.floor(height * 0.7) }
  const lineHeight = mrz.length > 0 ? median(mrz.map((l) => l.bottom - l.top + 1)) : 24
  const scale = Math.min(4, Math.max(0.5, targetLineHeight / lineHeight))
  // greyscale() again because sharp turns one-channel raw input into sRGB on output otherwise.
  const cropped = await sharp(data, { raw: { width, height, channels: 1 } })
    .extract(box)
    .resize({ width: Math.round(box.width * scale), kernel: 'cubic' })
    .greyscale()
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
  const png = await sharp(cropped.data, { raw: { width: cropped.info.width, height: cropped.info.height, channels: 1 } })
    .threshold(otsu(cropped.data))
    .extend({ top: 16, bottom: 16, left: 16, right: 16, background: '#ffffff' })
    .png()
    .toBuffer()
  return { png, located: mrz.length > 0, lineCount: mrz.length }
}

/** Otsu's threshold on an 8-bit histogram: adapts to paper colour and lighting. */
export function otsu(pixels: Uint8Array): number {
  const histogram = new Float64Array(256)
  for (let i = 0; i < pixels.length; i++) histogram[pixels[i]!]!++
  let sumAll = 0
  for (let g = 0; g < 256; g++) sumAll += g * histogram[g]!
  let weightBack = 0
  let sumBack = 0
  let best = 0
  let bestThreshold = 128
  for (let g = 0; g < 256; g++) {
    weightBack += histogram[g]!
    const weightFore = pixels.length - weightBack
    if (weightBack === 0 || weightFore === 0) continue
    sumBack += g * histogram[g]!
    const between = weightBack * weightFore * (sumBack / weightBack - (sumAll - sumBack) / weightFore) ** 2
    if (between > best) {
      best = between
      bestThreshold = g
    }
  }
  return bestThreshold + 1
}

function findLines(data: Uint8Array, width: number, top: number, height: number, threshold: number): Line[] {
  const minDark = Math.max(3, Math.floor(width * 0.02))
  const lines: Line[] = []
  let current: Line | undefined
  let gap = 0
  for (let y = top; y < height; y++) {
    let dark = 0
    for (let x = 0, i = y * width; x < width; x++, i++) if (data[i]! < threshold) dark++
    if (dark >= minDark) {
      if (current) current.bottom = y
      else current = { top: y, bottom: y, left: 0, right: 0, runs: 0 }
      gap = 0
    } else if (current && ++gap > 2) {
      lines.push(current)
      current = undefined
    }
  }
  if (current) lines.push(current)
  for (const line of lines) describeLine(line, data, width, threshold)
  return lines
}

/** Horizontal extent and the number of dark runs along the line's middle row. */
function describeLine(line: Line, data: Uint8Array, width: number, threshold: number): void {
  const mid = Math.floor((line.top + line.bottom) / 2)
  let runs = 0
  let inRun = false
  let left = width
  let right = 0
  for (let y = line.top; y <= line.bottom; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) {
      const dark = data[i]! < threshold
      if (dark) {
        if (x < left) left = x
        if (x > right) right = x
      }
      if (y === mid) {
        if (dark && !inRun) runs++
        inRun = dark
      }
    }
  }
  line.left = left
  line.right = right
  line.runs = runs
}

/** The bottom-most run of two or three long, glyph-dense lines of similar height. */
function pickMrzLines(lines: Line[], width: number): Line[] {
  const isMrzLike = (l: Line): boolean => {
    const h = l.bottom - l.top + 1
    return l.right - l.left > width * 0.4 && l.runs >= 20 && h >= 6 && h < width * 0.08
  }
  const picked: Line[] = []
  for (let i = lines.length - 1; i >= 0 && picked.length < 3; i--) {
    const line = lines[i]!
    if (!isMrzLike(line)) {
      if (picked.length > 0) break
      continue
    }
    const previous = picked[picked.length - 1]
    const h = line.bottom - line.top + 1
    if (previous && previous.top - line.bottom > 2.5 * h) break
    picked.push(line)
  }
  return picked.length >= 2 ? picked.reverse() : []
}

function boxAround(lines: Line[], width: number, height: number): { left: number; top: number; width: number; height: number } {
  const lineHeight = median(lines.map((l) => l.bottom - l.top + 1))
  const margin = Math.ceil(lineHeight * 0.8)
  const left = Math.max(0, Math.min(...lines.map((l) => l.left)) - margin)
  const right = Math.min(width - 1, Math.max(...lines.map((l) => l.right)) + margin)
  const top = Math.max(0, lines[0]!.top - margin)
  const bottom = Math.min(height - 1, lines[lines.length - 1]!.bottom + margin)
  return { left, top, width: right - left + 1, height: bottom - top + 1 }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}
