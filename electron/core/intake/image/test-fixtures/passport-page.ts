import sharp from 'sharp'

// ICAO 9303 check digit (weights 7, 3, 1), used here only to build valid synthetic MRZs.
const value = (c: string): number => (c === '<' ? 0 : /[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 55)
export const checkDigit = (s: string): string => String([...s].reduce((sum, c, i) => sum + value(c) * [7, 3, 1][i % 3]!, 0) % 10)
const pad = (s: string, n: number): string => s.padEnd(n, '<').slice(0, n)

export interface Td3Fields {
  country: string
  surname: string
  givenNames: string
  number: string
  nationality: string
  birth: string
  sex: 'M' | 'F'
  expiry: string
}

export function td3Lines(f: Td3Fields): [string, string] {
  const line1 = pad(`P<${f.country}${f.surname}<<${f.givenNames.replace(/ /g, '<')}`, 44)
  const number = pad(f.number, 9)
  const optional = pad('', 14)
  const composite = `${number}${checkDigit(number)}${f.birth}${checkDigit(f.birth)}${f.expiry}${checkDigit(f.expiry)}${optional}${checkDigit(optional)}`
  const line2 = `${number}${checkDigit(number)}${f.nationality}${f.birth}${checkDigit(f.birth)}${f.sex}${f.expiry}${checkDigit(f.expiry)}${optional}${checkDigit(optional)}${checkDigit(composite)}`
  return [line1, line2]
}

/** TD1 (ID-card size, three lines of 30), e.g. a Hong Kong-style travel card back. */
export function td1Lines(f: Td3Fields): [string, string, string] {
  const number = pad(f.number, 9)
  const line1 = pad(`I<${f.country}${number}${checkDigit(number)}`, 30)
  const line2core = `${f.birth}${checkDigit(f.birth)}${f.sex}${f.expiry}${checkDigit(f.expiry)}${f.nationality}`
  const line2noCheck = pad(line2core, 29)
  const composite = line1.slice(5, 30) + line2noCheck.slice(0, 7) + line2noCheck.slice(8, 15) + line2noCheck.slice(18, 29)
  const line2 = line2noCheck + checkDigit(composite)
  const line3 = pad(`${f.surname}<<${f.givenNames.replace(/ /g, '<')}`, 30)
  return [line1, line2, line3]
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')

/**
 * A synthetic document page: portrait block, printed fields, and the MRZ at the bottom in a
 * monospace font (OCR-B itself is not installed here; DejaVu Sans Mono is the closest at hand).
 */
export async function renderMrzPage(lines: string[], options: { font?: string; width?: number; height?: number } = {}): Promise<Buffer> {
  const width = options.width ?? 1500
  const height = options.height ?? 1050
  const chars = lines[0]!.length
  // Glyph advance of a monospace font is ~0.6 em; size the MRZ to span ~88% of the page width.
  const fontSize = Math.round((width * 0.88) / chars / 0.6)
  const lineGap = Math.round(fontSize * 1.6)
  const firstY = height - 60 - lineGap * (lines.length - 1)
  const mrz = lines
    .map((l, i) => `<text x="${Math.round(width * 0.06)}" y="${firstY + i * lineGap}" font-family="${options.font ?? 'DejaVu Sans Mono'}" font-size="${fontSize}" fill="#111" xml:space="preserve">${escape(l)}</text>`)
    .join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="#f4efe6"/>
    <rect x="${width * 0.04}" y="${height * 0.18}" width="${width * 0.25}" height="${height * 0.45}" fill="#b8c4d0"/>
    <text x="${width * 0.33}" y="${height * 0.25}" font-family="DejaVu Sans" font-size="${Math.round(height * 0.034)}" fill="#333">PASSPORT  Type P  Code CHN</text>
    <text x="${width * 0.33}" y="${height * 0.33}" font-family="DejaVu Sans" font-size="${Math.round(height * 0.034)}" fill="#333">ZHANG SAN  1985-01-01</text>
    ${mrz}</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 92 }).toBuffer()
}

/** The page as a phone would deliver it: smaller, softer, recompressed. */
export const degrade = async (page: Buffer, width: number, blurSigma: number, quality: number): Promise<Buffer> =>
  sharp(page).resize(width).blur(blurSigma).jpeg({ quality }).toBuffer()
