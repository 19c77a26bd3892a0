import { close, fstat, open, read } from 'node:fs'
import { promisify } from 'node:util'

const openFile = promisify(open)
const statFile = promisify(fstat)
const closeFile = promisify(close)

function readInto(fd: number, buffer: Buffer, offset: number, length: number, position: number): Promise<number> {
  return new Promise((resolve, reject) => read(fd, buffer, offset, length, position, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead))))
}

/** Buffers at least this large are pooled; a sealed 2000-pixel JPEG is about 0.4 MB. */
const MIN_BUFFER = 1024 * 1024
/** Larger files get a buffer of their own, not kept. */
const MAX_POOLED = 8 * 1024 * 1024
/** Idle buffers kept for the next reads (the engine reads up to three images per applicant in flight). */
const MAX_IDLE = 8

/**
 * Reads sealed (encrypted) files into a few reused buffers and hands each to `use` (the
 * decryption, which copies what it needs) before the buffer goes back to the pool.
 *
 * Why: a fresh buffer per file made the sync engine allocate twice the size of every image it
 * uploaded outside V8's heap, and that external memory is what set off V8's full collections:
 * about twenty in 200 applicants against two with reused buffers. Only ciphertext ever sits in
 * these buffers.
 */
export class SealedReader {
  private readonly idle: Buffer[] = []

  async read<T>(path: string, use: (sealed: Buffer) => T): Promise<T> {
    const fd = await openFile(path, 'r')
    try {
      const { size } = await statFile(fd)
      const buffer = this.take(size)
      try {
        let filled = 0
        while (filled < size) {
          const n = await readInto(fd, buffer, filled, size - filled, filled)
          if (n === 0) break
          filled += n
        }
        return use(buffer.subarray(0, filled))
      } finally {
        this.give(buffer)
      }
    } finally {
      await closeFile(fd)
    }
  }

  private take(size: number): Buffer {
    const index = this.idle.findIndex((b) => b.length >= size)
    if (index >= 0) return this.idle.splice(index, 1)[0] as Buffer
    return Buffer.allocUnsafeSlow(Math.max(size, MIN_BUFFER))
  }

  private give(buffer: Buffer): void {
    if (buffer.length <= MAX_POOLED && this.idle.length < MAX_IDLE) this.idle.push(buffer)
  }
}
