import type { Settings } from '../../../shared/domain/settings'
import type { Logger } from '../log/logger'
import type { Redactor } from '../log/redact'
import type { OssTarget } from '../oss/oss-uploader'
import { PlatformClient, type PlatformClientOptions } from '../platform-client/platform-client'
import type { KycStore } from '../queue/store'
import { createSyncEngine, type DiskFullSignal, type OnlineSignal, type SyncEngine, type SyncEngineState } from '../sync'
import type { PlatformEndpoints } from './training-mode'

export interface SyncControllerDeps {
  readonly store: KycStore
  readonly settings: () => Settings
  readonly endpoints: () => PlatformEndpoints
  readonly log: Logger
  readonly redactor: Redactor
  readonly online?: OnlineSignal
  readonly diskFull?: DiskFullSignal
  /** The UI language decides the platform's message language unless a setting overrides it. */
  readonly onState: (state: SyncEngineState) => void
  /** Sees every platform request's path, outcome and code (for diagnostics). */
  readonly onPlatformCall?: PlatformClientOptions['onCall']
}

/** The platform client and OSS target for the current settings and endpoints. */
export function platformWiring(
  settings: Settings,
  endpoints: PlatformEndpoints,
  onCall?: PlatformClientOptions['onCall'],
): { platform: PlatformClient; oss: OssTarget } {
  const platform = new PlatformClient({
    ...(onCall ? { onCall } : {}),
    baseUrl: endpoints.baseUrl,
    encoding: settings.platform.encoding,
    timeoutMs: settings.platform.timeoutMs,
    language: () => settings.platformLanguage ?? (settings.language === 'en' ? 'en_US' : 'zh_CN'),
    retryableStatuses: settings.platform.retryableStatuses,
  })
  const oss: OssTarget = {
    region: settings.oss.region,
    endpoint: endpoints.ossEndpoint,
    addressing: endpoints.ossAddressing,
    timeoutMs: settings.oss.timeoutMs,
  }
  return { platform, oss }
}

/**
 * Owns the one sync engine. The platform address, encoding and OSS target are fixed per engine,
 * so a settings change that touches them stops the engine (letting steps in hand commit) and
 * builds a new one; everything else is read live through `settings()`.
 */
export class SyncController {
  private engine: SyncEngine
  private wiringKey: string
  private stopState: () => void

  constructor(private readonly deps: SyncControllerDeps) {
    this.wiringKey = this.currentWiringKey()
    this.engine = this.build()
    this.stopState = this.engine.onState(deps.onState)
  }

  get current(): SyncEngine {
    return this.engine
  }

  private rewiring: Promise<void> = Promise.resolve()

  /**
   * Call after settings changed; rebuilds the engine only when its wiring changed. Changes are
   * applied one at a time: stopping the old engine waits for its steps in hand, and a second
   * change arriving meanwhile must neither stop the same engine twice nor leave two running.
   */
  settingsChanged(): Promise<void> {
    this.rewiring = this.rewiring.then(
      () => this.rewire(),
      () => this.rewire(),
    )
    return this.rewiring
  }

  private async rewire(): Promise<void> {
    const key = this.currentWiringKey()
    if (key === this.wiringKey) return
    const old = this.engine
    const wasRunning = old.state().running
    const wasPaused = old.state().paused
    this.stopState()
    await old.stop()
    this.wiringKey = key
    this.engine = this.build()
    this.stopState = this.engine.onState(this.deps.onState)
    if (wasRunning) this.engine.start()
    if (wasPaused) this.engine.pause()
    this.deps.log.info('sync.rewired', { platformHost: this.deps.endpoints().baseUrl })
  }

  async stop(): Promise<void> {
    this.stopState()
    await this.engine.stop()
  }

  private currentWiringKey(): string {
    const s = this.deps.settings()
    return JSON.stringify([this.deps.endpoints(), s.platform, s.oss, s.platformLanguage, s.language])
  }

  private build(): SyncEngine {
    const settings = this.deps.settings()
    const endpoints = this.deps.endpoints()
    const { platform, oss } = platformWiring(settings, endpoints, this.deps.onPlatformCall)
    return createSyncEngine({
      queue: this.deps.store,
      images: this.deps.store.images,
      platform,
      oss,
      settings: this.deps.settings,
      log: this.deps.log,
      redactor: this.deps.redactor,
      probeUrl: endpoints.baseUrl,
      trainingMode: endpoints.trainingMode,
      ...(this.deps.online ? { online: this.deps.online } : {}),
      ...(this.deps.diskFull ? { diskFull: this.deps.diskFull } : {}),
    })
  }
}
