import type { Sha256Hex } from '../../../shared/domain/images'
import type { OssTarget, UploadOutcome } from '../oss/oss-uploader'
import type { UploadImage } from '../vault/image-store'
import type { PlatformClient, StsCredentials } from '../platform-client/platform-client'
import type { ApplicantQueue } from '../queue/applicant-queue'
import type { StepService } from '../queue/step-service'
import type { StepChangeListener } from '../queue/types'

/**
 * What the engine needs from its surroundings, each as a small interface so tests can drive it:
 * the queue (the real KycStore satisfies SyncQueue), the platform, OSS, time and connectivity.
 */
export interface SyncQueue {
  readonly applicants: Pick<ApplicantQueue, 'get' | 'list' | 'countsByStatus'>
  readonly steps: Pick<
    StepService,
    'markStarted' | 'recordStep' | 'whenDurable' | 'stepData' | 'dueApplicants' | 'resetRunningSteps' | 'retryFailed' | 'requestLiveness' | 'cancelLiveness'
  >
  /** Hears every committed step change: new work wakes the engine (see Engine.onStoreChange). */
  onStepChange(listener: StepChangeListener): () => void
}

/** The encrypted image store: the engine reads one image at a time, only when uploading it. */
export interface ImageReader {
  readForUpload(sha256: Sha256Hex): Promise<UploadImage>
}

export type PlatformPort = Pick<PlatformClient, 'getSts' | 'submitIdentity' | 'submitImage' | 'authInfo' | 'startLiveness' | 'livenessResult'>

export type PutObject = (target: OssTarget, credentials: StsCredentials, key: string, body: UploadImage) => Promise<UploadOutcome>

/** Time as the engine sees it; tests pass a fake one and move it by hand. */
export interface SyncClock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemClock: SyncClock = {
  now: () => Date.now(),
  // Timers keep the process alive on purpose: a command-line sync waiting out a backoff must not
  // exit; stop() clears them.
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
}

/** Whether the disk kyc-desk writes to is full (the log could not be written: ENOSPC). */
export interface DiskFullSignal {
  isFull(): boolean
  /** Returns an unsubscribe function. */
  onChange(listener: (full: boolean) => void): () => void
}

export type { OnlineSignal } from '../ports'
