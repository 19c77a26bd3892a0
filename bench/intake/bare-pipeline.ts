import { readFile } from 'node:fs/promises'
import sharp from 'sharp'
import { createLimiter } from '../../electron/core/intake/image/limiter'

/** The app's defaults (electron/core/intake/image/options.ts), repeated so the floor uses none of its code. */
const MAX_LONG_SIDE = 2000
const JPEG_QUALITY = 88
const METRICS_LONG_SIDE = 1000

/** Textbook 3x3 Laplacian variance over interior pixels: the blur score. */
function blurScore(data: Uint8Array, width: number, height: number): number {
  let sum = 0
  let sumSq = 0
  for (let y = 1; y < height - 1; y++) {
    let i = y * width + 1
    for (let x = 1; x < width - 1; x++, i++) {
      const v = (data[i - width] ?? 0) + (data[i + width] ?? 0) + (data[i - 1] ?? 0) + (data[i + 1] ?? 0) - 4 * (data[i] ?? 0)
      sum += v
      sumSq += v * v
    }
  }
  const n = (width - 2) * (height - 2)
  return sumSq / n - (sum / n) ** 2
}

/**
 * The floor for one file: read it, decode once upright and resized, then the stored JPEG and the
 * greyscale copy for the blur score, side by side, as the intake does. Nothing else: no header
 * probe, no format sniffing, no hashes, no other metrics, no database, no encryption.
 */
async function normalizeBare(path: string): Promise<number> {
  const input = await readFile(path)
  const { data, info } = await sharp(input, { failOn: 'error', autoOrient: true })
    .resize({ width: MAX_LONG_SIDE, height: MAX_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true })
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } } as const
  const [, grey] = await Promise.all([
    sharp(data, raw).jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:2:0' }).toBuffer(),
    sharp(data, raw).greyscale().resize({ width: METRICS_LONG_SIDE, height: METRICS_LONG_SIDE, fit: 'inside' }).raw().toBuffer({ resolveWithObject: true }),
  ])
  return blurScore(grey.data, grey.info.width, grey.info.height)
}

/** Every file once, `parallelism` at a time; returns the elapsed ms. */
export async function runBare(paths: readonly string[], parallelism: number): Promise<number> {
  const limit = createLimiter(parallelism)
  const started = performance.now()
  await Promise.all(paths.map((p) => limit(() => normalizeBare(p))))
  return performance.now() - started
}
