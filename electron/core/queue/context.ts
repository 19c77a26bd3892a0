import type { Db } from '../db/connection'
import type { ApplicantsRepository } from '../db/tables/applicants/repository'
import type { EventsRepository } from '../db/tables/events/repository'
import type { ImagesRepository } from '../db/tables/images/repository'
import type { StepsRepository } from '../db/tables/steps/repository'
import type { WalSync } from '../db/wal-sync'
import type { ImageStore } from '../vault/image-store'
import type { Vault } from '../vault/vault'
import type { BindingExpiredRule } from '../../../shared/domain/status'
import type { StepChange } from './types'

/** What the queue services share; built once by `openKycStore`. */
export interface StoreContext {
  readonly db: Db
  readonly applicants: ApplicantsRepository
  readonly images: ImagesRepository
  readonly steps: StepsRepository
  readonly events: EventsRepository
  readonly vault: Vault
  readonly imageStore: ImageStore
  readonly now: () => number
  /** Makes commits made with synchronous=NORMAL durable, off the event loop (group commit). */
  readonly walSync: WalSync
  /** Called after the transaction that made the changes has committed. */
  readonly publish: (changes: readonly StepChange[]) => void
  /** The environment in force (shared/domain/environment.ts): new applicants get it, only its applicants start steps. */
  readonly environment: () => string
  /** Which refusals mean the customer's binding expired (settings' error actions): they read as `needs-new-qr`. */
  readonly bindingExpired: BindingExpiredRule
}
