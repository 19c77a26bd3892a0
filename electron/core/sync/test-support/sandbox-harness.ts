import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../../sandbox/index'
import { defaultSettings, type Settings } from '../../../../shared/domain/settings'
import type { ApplicantStatus } from '../../../../shared/domain/status'
import { createLogger } from '../../log/logger'
import { Redactor } from '../../log/redact'
import { agentProbe } from '../../network/agent-request'
import type { RequestAgent } from '../../network/agents'
import type { OssTarget } from '../../oss/oss-uploader'
import { PlatformClient } from '../../platform-client/platform-client'
import { openKycStore } from '../../queue/store'
import { EnvKeyProvider } from '../../vault/env-key-provider'
import { createSyncEngine } from '../engine'
import type { SyncEngine, SyncEngineDeps } from '../engine-api'

const userSchema = z.object({ uid: z.string(), token: z.string() })

export interface SandboxHarnessOptions {
  readonly sandbox?: SandboxOptions
  readonly sync?: Partial<Settings['sync']>
  readonly platform?: Partial<Settings['platform']>
  readonly engine?: Partial<SyncEngineDeps>
  /** OSS target overrides, given the running sandbox (its ports are known only then). */
  readonly oss?: (sandbox: RunningSandbox) => Partial<OssTarget>
  readonly ossSettings?: Partial<Settings['oss']>
  /** Proxy and certificate trust for the platform client, ali-oss and the probe, given the running sandbox. */
  readonly network?: (sandbox: RunningSandbox) => RequestAgent
}

/** Polls `done` every 50 ms of real time. */
export async function waitFor(done: () => boolean, timeoutMs: number, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!done()) {
    if (Date.now() > end) throw new Error(`${what} not reached within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export function portOf(url: string): number {
  return Number(new URL(url).port)
}

/**
 * The real thing end to end, in one process: the sandbox (platform API and OSS), the store
 * (SQLite, vault, image files), the platform client over HTTP and ali-oss, and the engine.
 */
export async function sandboxHarness(options: SandboxHarnessOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-sync-sandbox-'))
  const sandboxOptions: SandboxOptions = { apiPort: 0, ossPort: 0, seedUsers: 0, dataDir: join(dir, 'sandbox'), ...options.sandbox }
  let sandbox: RunningSandbox = await startSandbox(sandboxOptions)
  const store = await openKycStore({ dataDir: join(dir, 'app'), keyProvider: new EnvKeyProvider({ KYC_DESK_KEY: randomBytes(32).toString('hex') }) })
  const settings: Settings = {
    ...defaultSettings,
    platform: { ...defaultSettings.platform, baseUrl: sandbox.api, timeoutMs: 5_000, ...options.platform },
    sync: { ...defaultSettings.sync, retryBaseMs: 50, retryCapMs: 1_000, ...options.sync },
    oss: { ...defaultSettings.oss, ...options.ossSettings },
  }
  store.setErrorActions(settings.platform.errorActions)
  const network = options.network?.(sandbox)
  const platform = new PlatformClient({ ...(network ? { network } : {}), baseUrl: sandbox.api, encoding: settings.platform.encoding, timeoutMs: 5_000, language: () => 'en_US', retryableStatuses: [] })
  const oss: OssTarget = { region: sandbox.region, endpoint: sandbox.oss, addressing: 'path-style', timeoutMs: 10_000, ...(network ? { network } : {}), ...options.oss?.(sandbox) }
  const redactor = new Redactor()
  const log = createLogger({ redactor, minLevel: 'warn' })
  const engine: SyncEngine = createSyncEngine({
    queue: store,
    images: store.images,
    platform,
    oss,
    settings: () => settings,
    log,
    redactor,
    ...(network ? { probe: agentProbe(network, sandbox.api) } : { probeUrl: sandbox.api }),
    // The sandbox serves plain http on loopback, as in training; a TLS sandbox turns this off.
    trainingMode: true,
    ...options.engine,
  })

  const admin = async <T>(path: string, schema: z.ZodType<T>, init?: RequestInit): Promise<T> => {
    const response = await sandbox.admin.fetch(`${path}`, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } })
    if (!response.ok) throw new Error(`admin ${path}: HTTP ${response.status} ${await response.text()}`)
    return schema.parse(await response.json())
  }
  const status = (id: string): ApplicantStatus | undefined => store.applicants.get(id)?.status
  const counts = () => store.applicants.countsByStatus()

  return {
    dir,
    store,
    settings,
    engine,
    redactor,
    get sandbox() {
      return sandbox
    },
    admin,
    status,
    counts,
    allIn: (ids: readonly string[], wanted: readonly ApplicantStatus[]) => ids.every((id) => wanted.includes(status(id) ?? 'draft')),
    createUser: () => admin('/users', userSchema, { method: 'POST', body: '{}' }),
    setFaults: (profile: unknown) => admin('/faults', z.unknown(), { method: 'POST', body: JSON.stringify(profile) }),
    clearFaults: () => admin('/faults', z.unknown(), { method: 'DELETE' }),
    /** Stops the sandbox (both servers); its data folder stays. */
    stopSandbox: () => sandbox.close(),
    /** Starts it again on the same ports with the same data. */
    async restartSandbox() {
      sandbox = await startSandbox({ ...sandboxOptions, apiPort: portOf(sandbox.api), ossPort: portOf(sandbox.oss) })
    },
    async close() {
      await engine.stop()
      store.close()
      await sandbox.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
export type SandboxHarness = Awaited<ReturnType<typeof sandboxHarness>>
