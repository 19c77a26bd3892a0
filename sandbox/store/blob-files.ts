import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { open, readdir, rename, rm, unlink } from 'node:fs/promises'
import { join } from 'node:path'

export type BlobStore = ReturnType<typeof createBlobStore>

/**
 * Object bodies on disk. File names are a hash of bucket and key, never the key itself, so no
 * key (`../x`, `C:\x`, 1,000 bytes of emoji) can reach outside the folder or hit a name limit.
 */
export function createBlobStore(directory: string) {
  mkdirSync(directory, { recursive: true })

  return {
    /**
     * A fresh file name for a new body of this object: each PUT writes its own file and the
     * metadata row points at the current one, so concurrent PUTs and GETs never mix two bodies.
     */
    newName(bucket: string, key: string): string {
      const keyHash = createHash('sha256').update(bucket).update('\0').update(key).digest('hex')
      return `${keyHash}.${randomBytes(8).toString('hex')}`
    },
    pathOf(name: string): string {
      return join(directory, name)
    },
    /** Write to a temporary file, fsync, then rename: a crash leaves the old body or the new one. */
    async write(name: string, body: Buffer): Promise<void> {
      const temporary = join(directory, `${name}.${randomBytes(6).toString('hex')}.tmp`)
      const handle = await open(temporary, 'w')
      try {
        await handle.writeFile(body)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temporary, join(directory, name))
    },
    async remove(name: string): Promise<void> {
      await unlink(join(directory, name)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error
      })
    },
    async removeAll(): Promise<void> {
      const names = await readdir(directory)
      await Promise.all(names.map((name) => rm(join(directory, name), { force: true })))
    },
  }
}
