/**
 * The sync engine: takes queued applicants through getsts, the three uploads, authnew 1-4,
 * reconciliation and (when asked) liveness, unattended, offline-tolerant and crash-safe.
 */
export { createSyncEngine } from './engine'
export type { RetryTarget, SyncEngine, SyncEngineDeps } from './engine-api'
export type { SyncEngineState, SyncLastError, SyncStateListener } from './engine-state'
export { httpProbe } from './connectivity'
export { DiskFullFlag, isDiskFullCode } from './disk-full'
export { systemClock, type DiskFullSignal, type ImageReader, type OnlineSignal, type PlatformPort, type PutObject, type SyncClock, type SyncQueue } from './ports'
