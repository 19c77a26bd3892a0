import { randomBytes } from 'node:crypto'
import { open } from 'node:fs/promises'
import { KEY_BYTES } from './cipher'
import { isCode, writeFileAtomic } from './atomic-write'
import { unwrapUnderKek, wrapUnderKek } from './kek-wrap'
import type { KeyProvider, KeyProviderDescription } from './key-provider'

export class KeyFileError extends Error {
  override readonly name = 'KeyFileError'
}

export interface KeyFileProviderOptions {
  /** Where the key-encryption key lives; best on other media than the data directory. */
  readonly file: string
  /** Create the key file on first `wrap` when it does not exist (first run). Default true. */
  readonly create?: boolean
}

/**
 * A 32-byte key-encryption key in a file of its own, created 0600. A key file readable by group
 * or others, or owned by another user, is refused rather than used: the whole point of the file
 * is that only this account can read it. Keep it off the data directory's disk where possible;
 * next to the data it protects a copied database, not a stolen disk.
 */
export class KeyFileProvider implements KeyProvider {
  private readonly path: string

  constructor(private readonly options: KeyFileProviderOptions) {
    this.path = options.file
  }

  async wrap(key: Buffer): Promise<Buffer> {
    return wrapUnderKek(await this.loadKek(this.options.create ?? true), key)
  }

  async unwrap(wrapped: Buffer): Promise<Buffer> {
    return unwrapUnderKek(await this.loadKek(false), wrapped)
  }

  describe(): KeyProviderDescription {
    if (process.platform === 'win32') {
      return { kind: 'key-file', secure: false, warning: { key: 'vault.permissionsUnchecked' } }
    }
    return { kind: 'key-file', secure: true }
  }

  private async loadKek(create: boolean): Promise<Buffer> {
    try {
      return await this.read()
    } catch (error) {
      if (!create || !isCode(error, 'ENOENT')) throw error
    }
    // Exclusive: if another process created the file meanwhile, use theirs, not a second key.
    await writeFileAtomic(this.path, randomBytes(KEY_BYTES), { mode: 0o600, exclusive: true })
    return this.read()
  }

  private async read(): Promise<Buffer> {
    const handle = await open(this.path, 'r')
    try {
      // Check the opened file (fstat), not the path, so a swap between check and read cannot pass.
      const stat = await handle.stat()
      if (!stat.isFile()) throw new KeyFileError(`key file ${this.path} is not a regular file`)
      if (process.platform !== 'win32') {
        if ((stat.mode & 0o077) !== 0) {
          throw new KeyFileError(
            `key file ${this.path} is readable or writable by group or others (mode ${(stat.mode & 0o777).toString(8)}); run chmod 600 on it`,
          )
        }
        const uid = process.getuid?.()
        if (uid !== undefined && stat.uid !== uid) {
          throw new KeyFileError(`key file ${this.path} belongs to another user`)
        }
      }
      const kek = await handle.readFile()
      if (kek.length !== KEY_BYTES) throw new KeyFileError(`key file ${this.path} does not hold a ${KEY_BYTES}-byte key`)
      return kek
    } finally {
      await handle.close()
    }
  }
}
