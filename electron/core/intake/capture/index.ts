import type { AccountBinding } from '../../../../shared/domain/identity'
import type { KycStore } from '../../queue/store'
import type { ImageIntake } from '../image'
import { CaptureService, type ChipReadRules } from './capture-service'
import { SlotViews } from './slot-view'

export { CaptureService, maskToken } from './capture-service'
export { adoptLegacyFormFiles } from './legacy-form-files'
export { SlotViews, previewLongSide } from './slot-view'

export interface CaptureOptions {
  readonly dataDir: string
  readonly store: KycStore
  readonly intake: () => ImageIntake
  readonly clock: () => number
  readonly operatorId: () => string | null
  readonly demoUsers: () => readonly AccountBinding[]
  readonly autoLiveness: () => boolean
  readonly syncNow: (applicantId: string) => void
  readonly chipReads?: ChipReadRules
}

/** The capture service; a draft's half-typed form is sealed in its own row. */
export function createCaptureService(options: CaptureOptions): { service: CaptureService } {
  const slots = new SlotViews({ images: options.store.images, intake: options.intake })
  return { service: new CaptureService({ ...options, slots }) }
}
export { settingsIntake, intakeOptionsFrom, type SettingsIntake } from './settings-intake'
export { ScannerInbox, type InboxAssign, type ScannerInboxDeps } from './scanner-inbox'
