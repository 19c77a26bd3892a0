import type { Settings } from '../../../shared/domain/settings'
import type { Logger } from '../log/logger'
import type { Redactor } from '../log/redact'
import { agentProbe } from '../network/agent-request'
import { agentForSettings } from '../network/agent-for-settings'
import type { RequestAgent, SystemProxyResolver } from '../network/agents'
import type { OssTarget } from '../oss/oss-uploader'
import { PlatformClient, type PlatformClientOptions } from '../platform-client/platform-client'
import type { KycStore } from '../queue/store'
import { createSyncEngine, type DiskFullSignal, type OnlineSignal, type SyncEngine, type SyncEngineState } from './index'
import type { PlatformEndpoints } from '../environment/training-mode'

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
  /** The operating system's proxy lookup (Electron); absent: the environment's proxy variables. */
  readonly systemProxy?: SystemProxyResolver
}

/** The platform client and OSS target for the current settings and endpoints, sharing one request agent. */
export function platformWiring(
  settings: Settings,
  endpoints: PlatformEndpoints,
  onCall?: PlatformClientOptions['onCall'],
  systemProxy?: SystemProxyResolver,
): { platform: PlatformClient; oss: OssTarget; network: RequestAgent } {
  const network = agentForSettings(settings.network, { trainingMode: endpoints.trainingMode, systemProxy })
  const platform = new PlatformClient({
    network,
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
    network,
  }
  return { platform, oss, network }
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
  /** What the engine was doing when halt() stopped it, for the next one to carry on. */
  private halted: { readonly running: boolean; readonly paused: boolean } | null = null

  /**
   * Stops the current engine from starting any step, at once, when the settings it was wired
   * for have changed: between the change and the next engine (the training sandbox may take
   * seconds to start) the old one must not send the new environment's applicants to the old
   * platform. Steps in hand still commit; settingsChanged() builds the next engine.
   */
  halt(): void {
    if (this.halted !== null || this.currentWiringKey() === this.wiringKey) return
    const state = this.engine.state()
    this.halted = { running: state.running, paused: state.paused }
    void this.engine.stop()
  }

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
    const wasRunning = this.halted?.running ?? old.state().running
    const wasPaused = this.halted?.paused ?? old.state().paused
    this.halted = null
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
    return JSON.stringify([this.deps.endpoints(), s.platform, s.oss, s.network, s.platformLanguage, s.language])
  }

  private build(): SyncEngine {
    const settings = this.deps.settings()
    const endpoints = this.deps.endpoints()
    const { platform, oss, network } = platformWiring(settings, endpoints, this.deps.onPlatformCall, this.deps.systemProxy)
    return createSyncEngine({
      queue: this.deps.store,
      images: this.deps.store.images,
      platform,
      oss,
      settings: this.deps.settings,
      log: this.deps.log,
      redactor: this.deps.redactor,
      probe: agentProbe(network, endpoints.baseUrl),
      trainingMode: endpoints.trainingMode,
      ...(this.deps.online ? { online: this.deps.online } : {}),
      ...(this.deps.diskFull ? { diskFull: this.deps.diskFull } : {}),
    })
  }
}
