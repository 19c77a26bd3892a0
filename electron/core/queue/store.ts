import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { openDatabase, walFileOf, type Db } from '../db/connection'
import { ApplicantsRepository } from '../db/tables/applicants/repository'
import { EventsRepository } from '../db/tables/events/repository'
import { ImageDigestsRepository } from '../db/tables/image-digests/repository'
import { ImagesRepository } from '../db/tables/images/repository'
import { OperatorsRepository } from '../db/tables/operators/repository'
import { SettingsRepository } from '../db/tables/settings/repository'
import { StepsRepository } from '../db/tables/steps/repository'
import { WalSync, type SyncFile } from '../db/wal-sync'
import { removeBackupLeftovers } from '../backup/leftovers'
import { DATA_KEY_FILE, DataKeyError, loadDataKey } from '../vault/data-key'
import { ImageStore } from '../vault/image-store'
import type { KeyProvider, KeyProviderDescription } from '../vault/key-provider'
import { Vault } from '../vault/vault'
import { ApplicantQueue } from './applicant-queue'
import { AuditLog } from './audit-log'
import type { StoreContext } from './context'
import { StepService } from './step-service'
import type { StepChange, StepChangeListener } from './types'
import { trainingEnvironment } from '../../../shared/domain/environment'
import { bindingExpiredRule, type ErrorAction } from '../../../shared/domain/error-actions'

export const DB_FILE = 'kyc-desk.sqlite'
const KEY_ID_SETTING = 'vault.keyId'

export interface KycStoreOptions {
  /** Holds the database, the wrapped data key and `images/`. Created 0700. */
  readonly dataDir: string
  readonly keyProvider: KeyProvider
  /** Defaults to `<dataDir>/kyc-desk.sqlite`. */
  readonly dbFile?: string
  /** better-sqlite3 native build for the running ABI (the Electron app passes its own). */
  readonly nativeBinding?: string
  readonly busyTimeoutMs?: number
  readonly now?: () => number
  /** The progress publisher; called after each commit, once per changed step. */
  readonly onStepChange?: StepChangeListener
  /** A throwing listener must not undo or stop a committed step; its error goes here. */
  readonly onListenerError?: (error: unknown) => void
  /** How the WAL is synced for outcomes recorded off the event loop (tests count the calls). */
  readonly syncFile?: SyncFile
  /** How long an outcome may stay unsynced when nobody asks for durability sooner (default 200 ms). */
  readonly maxUnsyncedMs?: number
}

export interface KycStore {
  readonly applicants: ApplicantQueue
  readonly steps: StepService
  readonly events: AuditLog
  readonly settings: SettingsRepository
  readonly operators: OperatorsRepository
  readonly images: ImageStore
  /** Seals small JSON bound to an applicant and a field name under the data key (the capture form while it is typed). */
  readonly fields: Pick<Vault, 'sealJson' | 'openJson'>
  /** How the data key is protected; show `warning` to the operator when `secure` is false. */
  readonly keyProtection: KeyProviderDescription
  onStepChange(listener: StepChangeListener): () => void
  /**
   * The environment in force (shared/domain/environment.ts; training until told otherwise): new
   * applicants are recorded for it and only its applicants are synced. Applicants from before
   * environments were recorded are adopted by the first one set.
   */
  setEnvironment(environment: string): void
  /**
   * IT's error-action overrides (settings): codes mapped to `rebind` stop an applicant as
   * `needs-new-qr`. Applicants already stopped are derived again; their changes are published.
   */
  setErrorActions(overrides: Readonly<Record<string, ErrorAction>>): StepChange[]
  /**
   * At start-up, before the engine runs: replays steps left running and sweeps temp files and
   * unreferenced images older than `graceMs`. Assumes this process is the only sync engine.
   */
  recover(options?: { graceMs?: number }): Promise<{ steps: StepChange[]; tempFiles: number; orphans: number }>
  close(): void
}

export async function openKycStore(options: KycStoreOptions): Promise<KycStore> {
  const now = options.now ?? Date.now
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  const file = options.dbFile ?? join(options.dataDir, DB_FILE)
  const db = openDatabase({
    file,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.busyTimeoutMs ? { busyTimeoutMs: options.busyTimeoutMs } : {}),
  })
  try {
    const settings = new SettingsRepository(db)
    const vault = await openVault(db, settings, options, now)
    await removeBackupLeftovers(options.dataDir, now())
    return assemble(db, settings, vault, new WalSync(walFileOf(db), options.syncFile, options.maxUnsyncedMs), options, now)
  } catch (error) {
    db.close()
    throw error
  }
}

/** The database records which data key it was written with, so a wrong or new key file is caught at once. */
async function openVault(db: Db, settings: SettingsRepository, options: KycStoreOptions, now: () => number) {
  const recorded = settings.get(KEY_ID_SETTING, z.string())
  const loaded = await loadDataKey({
    file: join(options.dataDir, DATA_KEY_FILE),
    provider: options.keyProvider,
    allowCreate: recorded === undefined,
    now,
  })
  try {
    if (recorded !== undefined && recorded !== loaded.keyId) {
      throw new DataKeyError('the data key file does not belong to this database')
    }
    if (recorded === undefined) db.transaction(() => settings.set(KEY_ID_SETTING, loaded.keyId, now()))()
    return new Vault(loaded.key, loaded.keyId, options.keyProvider.describe())
  } finally {
    loaded.key.fill(0)
  }
}

function assemble(db: Db, settings: SettingsRepository, vault: Vault, walSync: WalSync, options: KycStoreOptions, now: () => number): KycStore {
  const listeners = new Set<StepChangeListener>()
  if (options.onStepChange) listeners.add(options.onStepChange)
  const reportError = options.onListenerError ?? ((error: unknown) => process.emitWarning(String(error)))
  const publish = (changes: readonly StepChange[]) => {
    for (const change of changes) {
      for (const listener of listeners) {
        try {
          listener(change)
        } catch (error) {
          reportError(error)
        }
      }
    }
  }
  const images = new ImagesRepository(db)
  let environment = trainingEnvironment
  let bindingExpired = bindingExpiredRule({})
  const imageStore = new ImageStore({
    dir: join(options.dataDir, 'images'),
    vault,
    isReferenced: (sha) => images.isReferenced(sha),
    now,
    digests: new ImageDigestsRepository(db),
  })
  const ctx: StoreContext = {
    db,
    applicants: new ApplicantsRepository(db),
    images,
    steps: new StepsRepository(db),
    events: new EventsRepository(db),
    vault,
    imageStore,
    now,
    walSync,
    publish,
    environment: () => environment,
    bindingExpired: (error) => bindingExpired(error),
  }
  const steps = new StepService(ctx)
  const operators = new OperatorsRepository(db, vault)
  operators.wrapPlainHashes()
  return {
    applicants: new ApplicantQueue(ctx),
    steps,
    events: new AuditLog(ctx.events, now),
    settings,
    operators,
    images: imageStore,
    fields: vault,
    keyProtection: vault.provider,
    setEnvironment(next) {
      environment = next
      ctx.applicants.adoptUnassigned(next)
    },
    setErrorActions(overrides) {
      bindingExpired = bindingExpiredRule(overrides)
      return steps.rederiveFailed()
    },
    onStepChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async recover({ graceMs = 10 * 60_000 } = {}) {
      const recovered = steps.resetRunningSteps()
      const swept = await imageStore.sweep(graceMs)
      return { steps: recovered, ...swept }
    },
    close() {
      walSync.close()
      db.close()
      vault.wipe()
    },
  }
}
