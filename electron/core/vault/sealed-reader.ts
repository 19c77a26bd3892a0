import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

/** The kept buffer is at least this large; a sealed 2000-pixel JPEG is about 0.4 MB. */
const MIN_BUFFER = 1024 * 1024
/** Larger files get a buffer of their own, not kept. */
const MAX_KEPT = 8 * 1024 * 1024

/**
 * Reads sealed (encrypted) files into one reused buffer and hands each to `use` (the decryption,
 * which copies what it needs) before anything else can read. Only ciphertext ever sits in it.
 *
 * Synchronous on purpose. An image is read only to be decrypted, about 0.4 MB of a file the app
 * wrote itself: from the page cache that is some 20 µs of the event loop. Read asynchronously it
 * took four thread-pool round trips (open, fstat, read, close), and on a busy two-core machine
 * each woke a pool thread that took the event loop's core for a while: about 0.3 ms of the main
 * thread per image while syncing against the sandbox, ten times the read itself. A cold read from
 * a hard disk holds the event loop for a few milliseconds, as a SQLite page miss already does
 * (better-sqlite3 is synchronous too).
 *
 * Why a reused buffer: a fresh one per file made the sync engine allocate twice the size of every
 * image it uploaded outside V8's heap, and that external memory set off V8's full collections,
 * about twenty in 200 applicants against two or three.
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
