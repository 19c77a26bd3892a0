import { readdir, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * What a backup or restore writes beside its result and removes when it ends; only a crash (or a
 * power cut) leaves them. The snapshot holds the queue's sealed rows, so it must not linger.
 */
const dataFolderLeftover = /^\.(?:backup-[0-9a-f]{12}\.sqlite\.tmp|outgoing-[0-9a-f]{12}\.kdbackup(?:\.[0-9a-f]{12}\.tmp)?)$/
const restoringFolder = /^\.(.+)\.restoring-[0-9a-f]{12}$/

/** Older than this, nothing still running can own one: a backup in another process is long done. */
export const leftoverGraceMs = 24 * 60 * 60_000

/** Removes each entry of `folder` that `isLeftover` picks; one that cannot go now (in use on Windows) waits for next time. */
async function removeFrom(folder: string, isLeftover: (name: string, mtimeMs: () => Promise<number>) => Promise<boolean>): Promise<number> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    return 0
  }
  let removed = 0
  for (const name of names) {
    const path = join(folder, name)
    try {
      if (!(await isLeftover(name, async () => (await stat(path)).mtimeMs))) continue
      await rm(path, { recursive: true, force: true })
      removed += 1
    } catch {
      // Gone meanwhile, or held open: harmless either way.
    }
  }
  return removed
}

/** When a queue opens: the database snapshots and outgoing backups of runs that never finished. */
export function removeBackupLeftovers(dataDir: string, now: number): Promise<number> {
  return removeFrom(dataDir, async (name, mtimeMs) => dataFolderLeftover.test(name) && (await mtimeMs()) < now - leftoverGraceMs)
}

/**
 * When a restore starts: half-built folders beside the target. One for the same target is
 * removed at once (a restore into it is starting over); others only once they are old.
 */
export function removeRestoreLeftovers(target: string, now: number): Promise<number> {
  return removeFrom(dirname(target), async (name, mtimeMs) => {
    const restoring = restoringFolder.exec(name)
    if (!restoring) return false
    return restoring[1] === basename(target) || (await mtimeMs()) < now - leftoverGraceMs
  })
}
