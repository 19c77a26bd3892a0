import { createReadStream, createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { BackupRefusal } from './backup-refusal'

/**
 * The plaintext inside the chunks: a sequence of entries, each
 *
 *   kind (u8) | name length (u16 BE) | name (UTF-8) | size (u64 BE) | bytes
 *
 * in the order manifest, database, images, end. Images are copied as they are stored: sealed
 * under the queue's data key, which travels in the manifest.
 */
export const entryKinds = { end: 0, manifest: 1, database: 2, image: 3 } as const
export type EntryKind = keyof typeof entryKinds

function entryHead(kind: EntryKind, name: string, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8')
  const head = Buffer.alloc(1 + 2 + nameBytes.length + 8)
  head[0] = entryKinds[kind]
  head.writeUInt16BE(nameBytes.length, 1)
  nameBytes.copy(head, 3)
  head.writeBigUInt64BE(BigInt(size), 3 + nameBytes.length)
  return head
}

export function* bytesEntry(kind: 'manifest', name: string, bytes: Buffer): Generator<Buffer> {
  yield entryHead(kind, name, bytes.length)
  yield bytes
}

/** A file streamed whole; one that changes length while it is read means the queue changed under us. */
export async function* fileEntry(kind: 'database' | 'image', name: string, path: string, size: number): AsyncGenerator<Buffer> {
  yield entryHead(kind, name, size)
  let sent = 0
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer
    sent += bytes.length
    if (sent > size) throw new BackupRefusal('queueChanged')
    yield bytes
  }
  if (sent !== size) throw new BackupRefusal('queueChanged')
}

export function endEntry(): Buffer {
  return entryHead('end', '', 0)
}

export interface EntryHead {
  readonly kind: EntryKind
  readonly name: string
  readonly size: number
}

const kindByNumber = new Map<number, EntryKind>(Object.entries(entryKinds).map(([k, v]) => [v, k as EntryKind]))

/** Reads entries from the decrypted stream. The chunks are authenticated, so a bad frame here is a damaged backup. */
export class PayloadReader {
  private buffered: Buffer = Buffer.alloc(0)

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(length: number): Promise<void> {
    while (this.buffered.length < length) {
      const next = await this.source.next()
      if (next.done) throw new BackupRefusal('damagedContent')
      this.buffered = this.buffered.length === 0 ? next.value : Buffer.concat([this.buffered, next.value])
    }
  }

  private async take(length: number): Promise<Buffer> {
    await this.fill(length)
    const taken = this.buffered.subarray(0, length)
    this.buffered = this.buffered.subarray(length)
    return taken
  }

  async head(): Promise<EntryHead> {
    const kindNumber = (await this.take(1))[0] ?? -1
    const kind = kindByNumber.get(kindNumber)
    if (kind === undefined) throw new BackupRefusal('damagedContent')
    const nameLength = (await this.take(2)).readUInt16BE(0)
    const name = (await this.take(nameLength)).toString('utf8')
    const size = (await this.take(8)).readBigUInt64BE(0)
    if (size > BigInt(Number.MAX_SAFE_INTEGER)) throw new BackupRefusal('damagedContent')
    return { kind, name, size: Number(size) }
  }

  async bytes(size: number): Promise<Buffer> {
    return Buffer.from(await this.take(size))
  }

  /**
   * Streams `size` bytes into a new file (0600), holding a few chunks at most. Through pipeline: a
   * write error (a full disk) rejects this call whenever it happens, never an unhandled rejection.
   */
  async toFile(size: number, path: string): Promise<void> {
    await pipeline(Readable.from(this.parts(size), { objectMode: false }), createWriteStream(path, { flags: 'wx', mode: 0o600 }))
  }

  private async *parts(size: number): AsyncGenerator<Buffer> {
    let left = size
    while (left > 0) {
      if (this.buffered.length === 0) await this.fill(1)
      const part = this.buffered.subarray(0, Math.min(left, this.buffered.length))
      this.buffered = this.buffered.subarray(part.length)
      left -= part.length
      yield part
    }
  }

  /** The stream must end exactly here. */
  async expectEnd(): Promise<void> {
    if (this.buffered.length > 0) throw new BackupRefusal('damagedContent')
    const next = await this.source.next()
    if (!next.done && next.value.length > 0) throw new BackupRefusal('damagedContent')
  }
}
