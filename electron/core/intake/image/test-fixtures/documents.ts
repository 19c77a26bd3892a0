import sharp from 'sharp'

/**
 * Synthetic document images for tests, rendered from SVG so nothing binary is committed. Text and
 * hard edges give a realistic sharpness score; the two sides have different layouts, as an ID
 * card's front and back do.
 */
export function documentSvg(side: 'front' | 'back', width = 1600, height = 1000): string {
  const rows = Array.from({ length: 9 }, (_, i) => {
    const x = side === 'front' ? 80 : 640
    const y = 160 + i * 85
    return `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="44" fill="#1d1d1d">FIELD ${i} 12345 ABCDE 67890</text>`
  }).join('')
  const feature =
    side === 'front'
      ? `<rect x="1100" y="180" width="380" height="480" fill="#8a97a8"/><rect x="1160" y="240" width="260" height="300" rx="120" fill="#4b5563"/>`
      : `<circle cx="320" cy="420" r="230" fill="#b91c1c"/><circle cx="320" cy="420" r="150" fill="#fde68a"/>`
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1600 1000">
    <rect width="1600" height="1000" fill="#eae4d8"/>
    <rect x="30" y="30" width="1540" height="940" fill="none" stroke="#3b82f6" stroke-width="6"/>
    ${feature}${rows}</svg>`
}

export const renderDocument = (side: 'front' | 'back', width = 1600, height = 1000): Promise<Buffer> =>
  sharp(Buffer.from(documentSvg(side, width, height))).jpeg({ quality: 92 }).toBuffer()

/** Raw 8-bit RGB pixels of the document, for building other encodings from the same picture. */
export const renderDocumentPng = (side: 'front' | 'back', width = 1600, height = 1000): Promise<Buffer> =>
  sharp(Buffer.from(documentSvg(side, width, height))).png().toBuffer()
