import { writeFileSync } from 'node:fs'
import sharp from 'sharp'

/**
 * Synthetic document photos for the capture tests, rendered from SVG (nothing binary committed).
 * The three kinds have different layouts, so the quality gate does not take one for another.
 */
function svg(kind: 'front' | 'back' | 'hand', width: number, height: number): string {
  const text = (x: number, y: number, s: string, size = 40) =>
    `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="${size}" fill="#1d1d1d">${s}</text>`
  const rows = (x: number, from: number) =>
    Array.from({ length: 7 }, (_, i) => text(x, from + i * 90, `FIELD ${i} 1234 ABCD 5678`)).join('')
  const body = {
    front: `<rect x="1080" y="170" width="400" height="500" fill="#8a97a8"/><ellipse cx="1280" cy="380" rx="120" ry="150" fill="#4b5563"/>${rows(90, 200)}`,
    back: `<circle cx="300" cy="400" r="220" fill="#b91c1c"/><circle cx="300" cy="400" r="140" fill="#fde68a"/>${rows(620, 200)}`,
    hand: `<rect width="1600" height="1000" fill="#cfd8dc"/><ellipse cx="480" cy="420" rx="230" ry="300" fill="#e0b89a"/>
      <circle cx="400" cy="360" r="28" fill="#222"/><circle cx="560" cy="360" r="28" fill="#222"/><rect x="410" y="520" width="140" height="24" fill="#8d4b3b"/>
      <g transform="rotate(-8 1150 600)"><rect x="850" y="420" width="620" height="390" rx="24" fill="#eae4d8" stroke="#3b82f6" stroke-width="6"/>
      ${text(890, 500, 'ID 1234 5678', 44)}${text(890, 580, 'NAME ABCD', 44)}${text(890, 660, 'DATE 1990 01 01', 44)}</g>`,
  }[kind]
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1600 1000">
    <rect width="1600" height="1000" fill="#eae4d8"/><rect x="30" y="30" width="1540" height="940" fill="none" stroke="#2563eb" stroke-width="8"/>
    ${body}</svg>`
}

export const documentJpeg = (kind: 'front' | 'back' | 'hand', width = 1600, height = 1000): Promise<Buffer> =>
  sharp(Buffer.from(svg(kind, width, height))).jpeg({ quality: 92 }).toBuffer()

/** The same picture out of focus: the quality gate calls it blurred. */
export const blurredJpeg = async (kind: 'front' | 'back' | 'hand'): Promise<Buffer> =>
  sharp(await documentJpeg(kind)).blur(12).jpeg({ quality: 90 }).toBuffer()

/**
 * A one-frame YUV4MPEG2 (4:2:0) video of an image, for Chromium's fake camera
 * (`--use-file-for-fake-video-capture`): the camera then "sees" that document, at that size.
 */
export async function writeY4m(path: string, image: Buffer, width: number, height: number): Promise<void> {
  const rgb = await sharp(image).resize(width, height, { fit: 'fill' }).removeAlpha().raw().toBuffer()
  const y = Buffer.alloc(width * height)
  const cw = width / 2
  const u = Buffer.alloc((width * height) / 4)
  const v = Buffer.alloc((width * height) / 4)
  const clamp = (n: number) => Math.max(0, Math.min(255, Math.round(n)))
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const i = (row * width + col) * 3
      const [r, g, b] = [rgb[i]!, rgb[i + 1]!, rgb[i + 2]!]
      y[row * width + col] = clamp(0.299 * r + 0.587 * g + 0.114 * b)
      if (row % 2 === 0 && col % 2 === 0) {
        const c = (row / 2) * cw + col / 2
        u[c] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b)
        v[c] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b)
      }
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\nFRAME\n`, 'ascii')
  writeFileSync(path, Buffer.concat([header, y, u, v]))
}

/** The same picture taken in poor light: the quality gate calls it too dark. */
export const darkJpeg = async (kind: 'front' | 'back' | 'hand'): Promise<Buffer> =>
  sharp(await documentJpeg(kind)).modulate({ brightness: 0.12 }).jpeg({ quality: 90 }).toBuffer()
