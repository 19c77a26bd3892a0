import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openWalSyncer, WalSync, WalSyncError } from './wal-sync'

/** A sync function the test completes by hand, one round at a time. */
function gatedSync() {
  const rounds: { path: string; finish: (error?: Error) => void }[] = []
  const syncFile = (path: string) =>
    new Promise<void>((resolve, reject) => rounds.push({ path, finish: (error) => (error ? reject(error) : resolve()) }))
  return { rounds, syncFile }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('WalSync (group commit)', () => {
  it('syncs the WAL once for a flush and shares the next round among every flush made meanwhile', async () => {
    const gate = gatedSync()
    const wal = new WalSync('/data/kyc.sqlite-wal', gate.syncFile)
    const settled: string[] = []
    const first = wal.flush().then(() => settled.push('first'))
    // These commits may have been written after the running sync began: they need the next round.
    const later = [1, 2, 3, 4].map((n) => wal.flush().then(() => settled.push(`later ${n}`)))
    await tick()
    expect(gate.rounds.map((r) => r.path)).toEqual(['/data/kyc.sqlite-wal'])

    gate.rounds[0]?.finish()
    await first
    await tick()
    expect(settled).toEqual(['first'])
    expect(gate.rounds).toHaveLength(2)

    gate.rounds[1]?.finish()
    await Promise.all(later)
    expect(settled).toEqual(['first', 'later 1', 'later 2', 'later 3', 'later 4'])
    expect(gate.rounds).toHaveLength(2)
  })

  it('reports a failed sync to the flushes that waited for it, and to every flush after it', async () => {
    const gate = gatedSync()
    const wal = new WalSync('/data/kyc.sqlite-wal', gate.syncFile)
    const failing = wal.flush()
    gate.rounds[0]?.finish(new Error('EIO: i/o error, fdatasync'))
    await expect(failing).rejects.toThrow(WalSyncError)
    // After a failed fdatasync the kernel may have dropped the pages: a later success proves nothing.
    await expect(wal.flush()).rejects.toThrow('EIO')
    expect(gate.rounds).toHaveLength(1)
  })

  it('refuses to flush once closing, and closes its descriptor only after the sync under way', async () => {
    const gate = gatedSync()
    const wal = new WalSync('/data/kyc.sqlite-wal', gate.syncFile)
    const running = wal.flush()
    wal.close()
    await expect(wal.flush()).rejects.toThrow('closing')
    gate.rounds[0]?.finish()
    await expect(running).resolves.toBeUndefined()
  })

  it('fails the round queued behind a failed one too', async () => {
    const gate = gatedSync()
    const wal = new WalSync('/data/kyc.sqlite-wal', gate.syncFile)
    const failing = wal.flush().catch((error: unknown) => error)
    const queued = wal.flush()
    gate.rounds[0]?.finish(new Error('EIO'))
    await failing
    await expect(queued).rejects.toThrow('EIO')
    await wal.idle()
  })
})

describe('WalSync.syncSoon (a bound on how long a commit stays unsynced)', () => {
  afterEach(() => vi.useRealTimers())

  it('starts one round within maxUnsyncedMs for any number of commits, and none if a flush came first', async () => {
    vi.useFakeTimers()
    const gate = gatedSync()
    const wal = new WalSync('/data/kyc.sqlite-wal', gate.syncFile, 200)
    wal.syncSoon()
    wal.syncSoon()
    await vi.advanceTimersByTimeAsync(199)
    expect(gate.rounds).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(gate.rounds).toHaveLength(1)
    gate.rounds[0]?.finish()
    await wal.idle()

    // A flush covers every commit made before it, so the promised round is not needed.
    wal.syncSoon()
    const flushed = wal.flush()
    gate.rounds[1]?.finish()
    await flushed
    await vi.advanceTimersByTimeAsync(1_000)
    expect(gate.rounds).toHaveLength(2)

    // But a commit made after a round began promises a round of its own.
    const running = wal.flush()
    wal.syncSoon()
    gate.rounds[2]?.finish()
    await running
    await vi.advanceTimersByTimeAsync(200)
    expect(gate.rounds).toHaveLength(4)
    gate.rounds[3]?.finish()
    await wal.idle()
  })

  it('keeps a failure of its own round for the next flush, and promises nothing once closing', async () => {
    vi.useFakeTimers()
    const gate = gatedSync()
    const wal = new WalSync('/data/kyc.sqlite-wal', gate.syncFile, 50)
    wal.syncSoon()
    await vi.advanceTimersByTimeAsync(50)
    gate.rounds[0]?.finish(new Error('EIO: i/o error, fdatasync'))
    await wal.idle()
    await expect(wal.flush()).rejects.toThrow('EIO')

    const closing = new WalSync('/data/other.sqlite-wal', gate.syncFile, 50)
    closing.syncSoon()
    expect(vi.getTimerCount()).toBe(1)
    closing.close()
    expect(vi.getTimerCount()).toBe(0)
    closing.syncSoon()
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(gate.rounds).toHaveLength(1)
  })
})

describe('openWalSyncer', () => {
  let dir = ''
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it.runIf(process.platform === 'linux')('keeps one descriptor for every round, opens it once the WAL exists, and closes it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kyc-walsync-'))
    const wal = join(dir, 'db.sqlite-wal')
    const fds = () => readdirSync('/proc/self/fd').length
    const syncer = openWalSyncer()
    // While the database is open its WAL exists: a missing one means the wrong path, never "nothing to do".
    await expect(syncer.syncFile(wal)).rejects.toThrow(/cannot open the WAL file.*ENOENT/)
    const before = fds()
    writeFileSync(wal, 'frames')
    await syncer.syncFile(wal)
    await syncer.syncFile(wal)
    expect(fds()).toBe(before + 1)
    syncer.close()
    expect(fds()).toBe(before)
    await expect(syncer.syncFile(wal)).rejects.toThrow('closed')
  })
})
