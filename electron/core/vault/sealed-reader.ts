import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

/** The kept buffer is at least this large; a sealed 2000-pixel JPEG is about 0.4 MB. */
const MIN_BUFFER = 1024 * 1024
/** Larger files get a buffer of their own, not kept. */
const MAX_KEPT = 8 * 1024 * 1024

/**
 * Reads sealed (encrypted) files into one reused buffer and hands each to `use` (the decryption,
 * which copies what it needs) before anything else can read. Only ciphertext ever sits in it.
 * Synchronous (a small file the app wrote, from the page cache) and reused (fresh buffers per
 * image drove V8's full collections); the measurements are in docs/ARCHITECTURE.md.
 */
export class SealedReader {
  private kept: Buffer | null = null

  /** `use` must not keep the buffer it is given: the next read overwrites it. */
  read<T>(path: string, use: (sealed: Buffer) => T): T {
    const fd = openSync(path, 'r')
    try {
      const { size } = fstatSync(fd)
      const buffer = this.take(size)
      let filled = 0
      while (filled < size) {
        const n = readSync(fd, buffer, filled, size - filled, filled)
        if (n === 0) break
        filled += n
      }
      return use(buffer.subarray(0, filled))
    } finally {
      closeSync(fd)
    }
  }

  private take(size: number): Buffer {
    if (this.kept !== null && this.kept.length >= size) return this.kept
    const buffer = Buffer.allocUnsafeSlow(Math.max(size, MIN_BUFFER))
    if (buffer.length <= MAX_KEPT) this.kept = buffer
    return buffer
  }
}
