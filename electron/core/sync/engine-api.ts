import type { Settings } from '../../../shared/domain/settings'
import type { Logger } from '../log/logger'
import type { Redactor } from '../log/redact'
import type { OssTarget } from '../oss/oss-uploader'
import type { LivenessResult } from '../queue/types'
import type { SyncEngineState, SyncStateListener } from './engine-state'
import type { DiskFullSignal, ImageReader, OnlineSignal, PlatformPort, PutObject, SyncClock, SyncQueue } from './ports'

export interface SyncEngineDeps {
  readonly queue: SyncQueue
  readonly images: ImageReader
  /** A value, or a getter read at each step so a settings change applies without a restart. */
  readonly platform: PlatformPort | (() => PlatformPort)
  readonly oss: OssTarget | (() => OssTarget)
  /** Read on every use, so a settings change applies to the next step. */
  readonly settings: () => Settings
  readonly log: Logger
  readonly redactor: Redactor
  readonly clock?: SyncClock
  readonly online?: OnlineSignal
  /** While the disk is full the engine pauses (and says so), and goes on by itself once it is not. */
  readonly diskFull?: DiskFullSignal
  /** Reachability check while offline: any HTTP answer counts. Defaults to a GET of `probeUrl`. */
  readonly probe?: () => Promise<boolean>
  /** The platform's base URL, for the default probe. */
  readonly probeUrl?: string
  readonly put?: PutObject
  /** Training against the built-in sandbox (plain-http verify pages on this machine allowed). Default false. */
  readonly trainingMode?: boolean
  readonly random?: () => number
  /** How long an issued verify token is offered before liveness is withdrawn. Default 30 minutes. */
  readonly livenessTokenTtlMs?: number
  /** Longest wait between two liveness polls. Default 15 seconds. */
  readonly livenessPollCapMs?: number
  /** Longest wait between two reachability probes. Default 30 seconds. */
  readonly probeCapMs?: number
}

export type RetryTarget = readonly string[] | 'all-needs-attention'

export interface SyncEngine {
  /** Replays steps a crash left running (first start only), then syncs whatever is due. */
  start(): void
  /** Stops starting steps and waits for the ones in hand to be committed. */
  stop(): Promise<void>
  pause(): void
  resume(): void
  /** Starts or resumes the engine and probes at once if offline. */
  syncAll(): void
  /** As syncAll, and these applicants go next, ignoring their backoff. */
  sync(ids: readonly string[]): void
  /** Failed steps back to pending after the operator fixed the cause; returns how many applicants. */
  retry(target: RetryTarget, operatorId?: string | null): number
  startLiveness(id: string, operatorId?: string | null): LivenessResult
  /** Polls the liveness result now instead of at the next backoff. */
  checkLiveness(id: string): void
  state(): SyncEngineState
  onState(listener: SyncStateListener): () => void
}
