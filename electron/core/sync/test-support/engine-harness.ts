import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultSettings, type Settings } from '../../../../shared/domain/settings'
import type { ApplicantStatus } from '../../../../shared/domain/status'
import { createLogger, type LogRecord } from '../../log/logger'
import { Redactor } from '../../log/redact'
import type { SyncFile } from '../../db/wal-sync'
import { openKycStore, type KycStore } from '../../queue/store'
import { EnvKeyProvider } from '../../vault/env-key-provider'
import { createSyncEngine } from '../engine'
import type { SyncEngineDeps } from '../engine-api'
import type { SyncEngineState } from '../engine-state'
import type { SyncQueue } from '../ports'
import { FakeClock } from './fake-clock'
import { FakePlatform, fakeOss } from './fake-platform'

export interface HarnessOptions {
  readonly sync?: Partial<Settings['sync']>
  readonly engine?: Partial<SyncEngineDeps>
  /**
   * Stands in for the WAL fsync that makes the recorded outcomes durable. The default resolves at
   * once and counts: a real fsync finishes in the thread pool at a time the fake clock's settling
   * cannot predict. (The real one is tested with the store.) The store's own bounded-delay sync
   * runs on real time, so it is set far off here: the syncs a test sees are the engine's.
   */
  readonly syncFile?: SyncFile
  /** Puts something between the engine and the real store (to make a read fail, say). */
  readonly wrapQueue?: (store: KycStore) => SyncQueue
}

/**
 * The engine over a real store (SQLite, vault, image files in a temp folder) with a fake platform,
 * fake OSS and a fake clock, for tests that drive time by hand.
 */
export async function engineHarness(options: HarnessOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-sync-'))
  const clock = new FakeClock()
  const walSyncs = { count: 0 }
  const store = await openKycStore({
    dataDir: dir,
    keyProvider: new EnvKeyProvider({ KYC_DESK_KEY: randomBytes(32).toString('hex') }),
    now: () => clock.now(),
    syncFile: options.syncFile ?? (async () => void (walSyncs.count += 1)),
    maxUnsyncedMs: 10 * 60_000,
  })
  const platform = new FakePlatform(() => clock.now())
  const oss = fakeOss()
  const network = { reachable: true, probes: 0 }
  const settings: { current: Settings } = {
    current: { ...defaultSettings, sync: { ...defaultSettings.sync, concurrency: 2, retryBaseMs: 1_000, retryCapMs: 60_000, ...options.sync } },
  }
  const redactor = new Redactor()
  const logs: LogRecord[] = []
  const log = createLogger({ redactor, minLevel: 'debug', echo: (line) => logs.push(JSON.parse(line) as LogRecord), clock: () => clock.now() })
  const states: SyncEngineState[] = []
  const engine = createSyncEngine({
    queue: options.wrapQueue ? options.wrapQueue(store) : store,
    images: store.images,
    platform,
    oss: { region: 'oss-cn-hangzhou', endpoint: 'http://127.0.0.1:9', addressing: 'path-style', timeoutMs: 5_000 },
    settings: () => settings.current,
    log,
    redactor,
    clock,
    probe: async () => {
      network.probes += 1
      return network.reachable
    },
    put: oss.put,
    random: () => 0.5,
    ...options.engine,
  })
  engine.onState((s) => states.push(s))

  const status = (id: string): ApplicantStatus | undefined => store.applicants.get(id)?.status
  const allIn = (ids: readonly string[], wanted: readonly ApplicantStatus[]) => ids.every((id) => wanted.includes(status(id) ?? 'draft'))

  return {
    dir,
    clock,
    walSyncs,
    store,
    platform,
    oss,
    network,
    settings,
    redactor,
    logs,
    states,
    engine,
    status,
    allIn,
    async close() {
      await engine.stop()
      store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
export type EngineHarness = Awaited<ReturnType<typeof engineHarness>>
