import sharp from 'sharp'

/**
 * The chip photo of a synthetic card: a 102×126 JPEG (the size the vendor libraries decode to)
 * that says it is a sample, with a plain silhouette placeholder, never a face.
 */
const cache = new Map<string, Promise<Buffer>>()

function svg(label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="102" height="126" viewBox="0 0 102 126">
  <rect width="102" height="126" fill="#e8eef5"/>
  <circle cx="51" cy="46" r="20" fill="#b8c4d2"/>
  <rect x="21" y="72" width="60" height="34" rx="16" fill="#b8c4d2"/>
  <text x="51" y="20" font-size="14" text-anchor="middle" fill="#c0392b" font-family="sans-serif">样本</text>
  <text x="51" y="120" font-size="12" text-anchor="middle" fill="#c0392b" font-family="sans-serif">SAMPLE ${label}</text>
</svg>`
}

export function samplePhoto(cardId: string): Promise<Buffer> {
  let photo = cache.get(cardId)
  if (!photo) {
    const label = cardId.replace(/[^a-z0-9]/gi, '').slice(0, 3).toUpperCase()
    photo = sharp(Buffer.from(svg(label))).jpeg({ quality: 80 }).toBuffer()
    cache.set(cardId, photo)
  }
  return photo
}
