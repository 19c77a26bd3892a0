import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { link, open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export const TEMP_SUFFIX = '.tmp'

/** A temp name in the target's own directory: rename is only atomic within one file system. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`)
}

/**
 * Writes `data` to `target` so that after a crash the target is either absent, the old content or
 * the complete new content: temp file, write, fsync, rename, fsync the directory (without the
 * last fsync the rename itself may not survive power loss). Creates with `mode` (umask can only
 * narrow it). With `exclusive`, an existing target is left untouched and `false` is returned.
 */
export async function writeFileAtomic(
  target: string,
  data: Buffer,
  options: { mode?: number; exclusive?: boolean } = {},
): Promise<boolean> {
  const temp = tempPathFor(target)
  const handle = await open(temp, 'wx', options.mode ?? 0o600)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    if (options.exclusive) {
      // A hard link fails with EEXIST instead of replacing, which rename would do silently.
      try {
        await link(temp, target)
      } catch (error) {
        if (isCode(error, 'EEXIST')) return false
        // File systems without hard links (FAT, some network mounts): check, then rename. The
        // window between the two is only open to another process creating the same file.
        if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'].some((code) => isCode(error, code))) throw error
        if (existsSync(target)) return false
        await rename(temp, target)
      }
    } else {
      await rename(temp, target)
    }
    await fsyncDir(dirname(target))
    return true
  } finally {
    await rm(temp, { force: true })
  }
}

/** Makes a rename or unlink in `dir` durable. Windows cannot open a directory; it journals them. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code
}
