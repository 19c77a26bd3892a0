import { createCipheriv, createDecipheriv } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { Transform, type TransformCallback } from 'node:stream'
import { BackupRefusal } from './backup-refusal'

/**
 * The encrypted body: the plaintext cut into chunks of `chunkSize` bytes (the last may be
 * shorter, even empty), each sealed on its own with AES-256-GCM, so a backup of any size streams
 * through a fixed amount of memory. On disk each chunk is
 *
 *   length (u32 BE) | final flag (u8) | ciphertext (length bytes) | tag (16 bytes)
 *
 * The nonce is the header's 7-byte prefix, the chunk index (u32 BE) and the final flag; the
 * associated data is the header's SHA-256 with the length. So chunks cannot be reordered,
 * dropped, repeated, moved to another backup or cut short without failing; a file that stops
 * after a chunk not flagged final is truncated. (The STREAM construction of Hoang et al.)
 */
const TAG_BYTES = 16
const FRAME_BYTES = 5

export interface ChunkKey {
  readonly key: Buffer
  readonly noncePrefix: Buffer
  readonly headerDigest: Buffer
  readonly chunkSize: number
}

function nonceOf(prefix: Buffer, index: number, final: boolean): Buffer {
  const nonce = Buffer.alloc(12)
  prefix.copy(nonce, 0, 0, 7)
  nonce.writeUInt32BE(index, 7)
  nonce[11] = final ? 1 : 0
  return nonce
}

function aadOf(digest: Buffer, length: number): Buffer {
  const aad = Buffer.alloc(digest.length + 4)
  digest.copy(aad)
  aad.writeUInt32BE(length, digest.length)
  return aad
}

function sealChunk(k: ChunkKey, index: number, plaintext: Buffer, final: boolean): Buffer {
  const cipher = createCipheriv('aes-256-gcm', k.key, nonceOf(k.noncePrefix, index, final), { authTagLength: TAG_BYTES })
  cipher.setAAD(aadOf(k.headerDigest, plaintext.length))
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()])
  const frame = Buffer.alloc(FRAME_BYTES)
  frame.writeUInt32BE(plaintext.length, 0)
  frame[4] = final ? 1 : 0
  return Buffer.concat([frame, body, cipher.getAuthTag()])
}

/** Encrypts what is written to it; `prefix` (the clear header) goes out first. */
export class ChunkEncryptor extends Transform {
  private pending: Buffer[] = []
  private pendingBytes = 0
  private index = 0

  constructor(
    private readonly k: ChunkKey,
    prefix: Buffer,
  ) {
    super()
    this.push(prefix)
  }

  override _transform(data: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending.push(data)
    this.pendingBytes += data.length
    // Strictly more than a chunk: the last chunk is sealed in _flush, flagged final.
    while (this.pendingBytes > this.k.chunkSize) {
      const all = Buffer.concat(this.pending)
      this.push(sealChunk(this.k, this.index++, all.subarray(0, this.k.chunkSize), false))
      this.pending = [all.subarray(this.k.chunkSize)]
      this.pendingBytes = all.length - this.k.chunkSize
    }
    done()
  }

  override _flush(done: TransformCallback): void {
    this.push(sealChunk(this.k, this.index, Buffer.concat(this.pending), true))
    this.pending = []
    done()
  }
}

/**
 * Reads and opens the chunks after the header at `offset`, yielding plaintext. Refuses, naming the
 * chunk (1-based, the header being 0), a file cut short and a chunk that fails its check.
 */
export async function* decryptChunks(file: FileHandle, offset: number, k: ChunkKey): AsyncGenerator<Buffer> {
  let position = offset
  const read = async (length: number): Promise<Buffer> => {
    const buffer = Buffer.alloc(length)
    let filled = 0
    while (filled < length) {
      const { bytesRead } = await file.read(buffer, filled, length - filled, position + filled)
      if (bytesRead === 0) break
      filled += bytesRead
    }
    position += filled
    return filled === length ? buffer : buffer.subarray(0, filled)
  }
  for (let index = 0; ; index++) {
    const chunk = index + 1
    const frame = await read(FRAME_BYTES)
    if (frame.length < FRAME_BYTES) throw new BackupRefusal('truncated', { chunk })
    const length = frame.readUInt32BE(0)
    const flag = frame[4]
    if (length > k.chunkSize || (flag !== 0 && flag !== 1)) throw new BackupRefusal('corrupted', { chunk })
    const final = flag === 1
    const body = await read(length + TAG_BYTES)
    if (body.length < length + TAG_BYTES) throw new BackupRefusal('truncated', { chunk })
    const decipher = createDecipheriv('aes-256-gcm', k.key, nonceOf(k.noncePrefix, index, final), { authTagLength: TAG_BYTES })
    decipher.setAAD(aadOf(k.headerDigest, length))
    decipher.setAuthTag(body.subarray(length))
    let plaintext: Buffer
    try {
      plaintext = Buffer.concat([decipher.update(body.subarray(0, length)), decipher.final()])
    } catch {
      throw new BackupRefusal('corrupted', { chunk })
    }
    yield plaintext
    if (final) {
      // Anything after the final chunk was not written by kyc-desk.
      if ((await read(1)).length > 0) throw new BackupRefusal('corrupted', { chunk: chunk + 1 })
      return
    }
  }
}
