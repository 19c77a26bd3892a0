import { join } from 'node:path'
import type { AccountBinding } from '../../../../shared/domain/identity'
import type { KycStore } from '../../queue/store'
import type { ImageIntake } from '../image'
import { CaptureService, type ChipReadRules } from './capture-service'
import { CaptureFormStore } from './form-store'
import { SlotViews } from './slot-view'

export { CaptureService, localIsoDate, maskToken } from './capture-service'
export { CaptureFormStore } from './form-store'
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

/** The capture service with its sealed form files under `<dataDir>/capture-forms`. */
export function createCaptureService(options: CaptureOptions): { service: CaptureService; forms: CaptureFormStore } {
  const forms = new CaptureFormStore(join(options.dataDir, 'capture-forms'), options.store.fields)
  const slots = new SlotViews({ images: options.store.images, intake: options.intake })
  const service = new CaptureService({ ...options, forms, slots })
  return { service, forms }
}
export { settingsIntake, intakeOptionsFrom, type SettingsIntake } from './settings-intake'
export { ScannerInbox, type InboxAssign, type ScannerInboxDeps } from './scanner-inbox'
