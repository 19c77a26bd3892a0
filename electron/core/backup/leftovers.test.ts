import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../queue/test-fixtures'
import { leftoverGraceMs } from './leftovers'

let opened: TestStore
beforeEach(async () => {
  opened = await openTestStore()
})
afterEach(() => opened.cleanup())

/** A file in the data folder last written `ageMs` before the store's clock. */
function leave(name: string, ageMs: number): void {
  const path = join(opened.dir, name)
  writeFileSync(path, 'left by a crash')
  const seconds = (opened.clock.now - ageMs) / 1000
  utimesSync(path, seconds, seconds)
}

describe('the queue opening after a crashed backup', () => {
  it('removes old database snapshots and outgoing backups, sparing recent ones and anything else', async () => {
    const old = leftoverGraceMs + 60_000
    leave('.backup-0123456789ab.sqlite.tmp', old)
    leave('.outgoing-0123456789ab.kdbackup', old)
    leave('.outgoing-0123456789ab.kdbackup.ba9876543210.tmp', old)
    leave('.backup-aaaaaaaaaaaa.sqlite.tmp', 60_000) // a backup in another process, still running
    leave('.backup-notes.sqlite.tmp', old)
    leave('branch.kdbackup', old)
    mkdirSync(join(opened.dir, '.outgoing-cccccccccccc.kdbackup.d'))
    const before = readdirSync(opened.dir)
    await opened.reopen()
    expect(before.filter((name) => !readdirSync(opened.dir).includes(name)).sort()).toEqual([
      '.backup-0123456789ab.sqlite.tmp',
      '.outgoing-0123456789ab.kdbackup',
      '.outgoing-0123456789ab.kdbackup.ba9876543210.tmp',
    ])
    expect(opened.store.applicants.list().total).toBe(0)
  })
})
