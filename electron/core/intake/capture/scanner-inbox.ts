import type { ErrorReason } from '../../../../shared/contract/errors'
import type { InboxItemView, InboxState, Slots } from '../../../../shared/contract/intake'
import type { ImageSlot } from '../../../../shared/domain/images'
import type { Settings } from '../../../../shared/domain/settings'
import type { Logger } from '../../log/logger'
import type { ImageIntake } from '../image'
import { createScannerFolder, type InboxItem, type ScannerApplicants, type ScannerFolder } from '../scanner-folder'

export interface ScannerInboxDeps {
  readonly applicants: ScannerApplicants
  readonly intake: () => Pick<ImageIntake, 'normalize'>
  readonly clock: () => number
  readonly log: Pick<Logger, 'info' | 'warn' | 'error'>
  /** kyc-desk's data folder, which the scanner folder may never be, be in, or be above. */
  readonly dataDir: string
  readonly operatorId: () => string | null
  /** The inbox changed: the renderer lists it again. */
  readonly changed: () => void
  /** The capture screen's view of a draft's slots after an assignment. */
  readonly slots: (applicantId: string) => Promise<Slots>
}

export type InboxAssign =
  | { ok: true; slots: Slots }
  | { ok: false; code: string; reason: ErrorReason }

/**
 * Keeps the scanner folder watcher in step with the settings (folder, file-name pattern, size
 * limit) and shows its inbox to the capture screen: thumbnails as data URLs, never paths.
 */
export class ScannerInbox {
  private folder: ScannerFolder | null = null
  private key = ''
  private problem: InboxState['problem'] = null
  private unsubscribe: (() => void) | null = null

  constructor(private readonly deps: ScannerInboxDeps) {}

  /** Call at start and whenever settings change; restarts the watcher only when its settings did. */
  async configure(settings: Settings): Promise<void> {
    const { scannerFolder, scannerPattern, maxFileBytes } = settings.intake
    const key = JSON.stringify([scannerFolder, scannerPattern, maxFileBytes])
    if (key === this.key) return
    this.key = key
    await this.stop()
    this.problem = null
    if (scannerFolder.trim() !== '') {
      const folder = createScannerFolder(
        { applicants: this.deps.applicants, intake: this.deps.intake(), clock: this.deps.clock, log: this.deps.log, dataDir: this.deps.dataDir },
        { folder: scannerFolder, pattern: scannerPattern, operatorId: this.deps.operatorId, maxFileBytes },
      )
      const started = await folder.start()
      if (started.ok) {
        this.folder = folder
        this.unsubscribe = folder.subscribe(() => this.deps.changed())
      } else {
        this.problem = { code: started.code, reason: started.words, detail: null }
      }
    }
    this.deps.changed()
  }

  list(): InboxState {
    const items = this.folder?.list() ?? []
    return { configured: this.key !== '' && this.folder !== null, problem: this.problem, items: items.map((item) => this.view(item)) }
  }

  async assign(itemId: string, target: { applicantId: string; slot: ImageSlot; overrideReason: string | null }): Promise<InboxAssign> {
    if (!this.folder) return { ok: false, code: 'no-such-item', reason: { key: 'scannerInbox.not-set-up' } }
    const result = await this.folder.assign(itemId, { ...target, operatorId: this.deps.operatorId() })
    if (!result.ok) return { ok: false, code: result.reason, reason: result.words }
    return { ok: true, slots: await this.deps.slots(target.applicantId) }
  }

  async discard(itemId: string): Promise<boolean> {
    return (await this.folder?.discard(itemId)) ?? false
  }

  async stop(): Promise<void> {
    this.unsubscribe?.()
    this.unsubscribe = null
    const folder = this.folder
    this.folder = null
    await folder?.stop()
  }

  private view(item: InboxItem): InboxItemView {
    const thumbnail = item.hasThumbnail ? this.folder?.thumbnail(item.id) : null
    return {
      id: item.id,
      name: item.name,
      size: item.size,
      detectedAt: item.detectedAt,
      state: item.state,
      reason: item.reason ? { ...item.reason } : null,
      warnings: item.warnings.map((w) => ({ ...w })),
      match: item.match ? { reference: item.match.reference, slot: item.match.slot } : null,
      image: item.image ? { width: item.image.width, height: item.image.height } : null,
      deletable: item.deletable,
      thumbnailDataUrl: thumbnail ? `data:image/jpeg;base64,${thumbnail.toString('base64')}` : null,
    }
  }
}
