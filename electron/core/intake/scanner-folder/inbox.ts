import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import type { Logger } from '../../log/logger'
import type { NormalizedImage, QualityVerdict } from '../image'
import { createLimiter } from '../image/limiter'
import { checkScannerFile, makeThumbnail, type CheckDeps } from './check-file'
import { note, noteReason, qualityNote } from './messages'
import type { FileNameMatch, FileNamePattern } from './pattern'
import { attachImage, findByReference, removeOriginal, type ScannerApplicants } from './store-image'
import type { AssignResult, AssignTarget, InboxEvent, InboxItem, InboxNote } from './types'

export interface InboxDeps extends CheckDeps {
  readonly applicants: ScannerApplicants
  readonly clock: () => number
  readonly log: Pick<Logger, 'info' | 'warn' | 'error'>
  readonly pattern: Extract<FileNamePattern, { ok: true }> | null
  /**
   * Who is signed in now, to attribute automatic assignments to in the event log; null while the
   * session is locked, when files wait in the inbox instead.
   */
  readonly operatorId: () => string | null
}

interface Entry {
  item: InboxItem
  readonly path: string
  thumbnail: Buffer | null
  /** Bumped on every change of the file, so a check of an older version is thrown away. */
  version: number
}

type Checked = { image: NormalizedImage; quality: QualityVerdict }

/** The scanner inbox's state and rules; the watcher feeds it file events. */
export class FolderInbox {
  private readonly entries = new Map<string, Entry>()
  private readonly listeners = new Set<(event: InboxEvent) => void>()
  // Two files decoded at once: a scanner batch of fifty must not be read into memory together.
  private readonly limit = createLimiter(2)
  private readonly pending = new Set<Promise<void>>()
  /** Files the operator dismissed without kyc-desk deleting them (not images), by path: until they change. */
  private readonly dismissed = new Map<string, number>()

  constructor(private readonly deps: InboxDeps) {}

  subscribe(listener: (event: InboxEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  list(): InboxItem[] {
    return [...this.entries.values()].map((e) => e.item).sort((a, b) => a.detectedAt - b.detectedAt || a.name.localeCompare(b.name))
  }

  thumbnail(id: string): Buffer | null {
    return this.byId(id)?.thumbnail ?? null
  }

  /** Resolves when every check and automatic assignment started so far has finished (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending])
  }

  fileSeen(path: string, size: number, modifiedAt: number): void {
    const existing = this.entries.get(path)
    if (existing?.item.state === 'storing') return
    if (this.dismissed.get(path) === modifiedAt) return
    this.dismissed.delete(path)
    const match = this.deps.pattern?.match(basename(path)) ?? null
    const entry: Entry = existing ?? { path, thumbnail: null, version: 0, item: this.blankItem(path, match) }
    entry.version++
    entry.thumbnail = null
    this.set(entry, { ...entry.item, size, modifiedAt, match, state: 'checking', reason: null, warnings: [], image: null, hasThumbnail: false, deletable: false })
    const version = entry.version
    this.track(this.limit(() => this.check(entry, version).catch((error: unknown) => this.checkFailed(entry, version, error))))
  }

  fileGone(path: string): void {
    this.dismissed.delete(path)
    const entry = this.entries.get(path)
    if (!entry || entry.item.state === 'storing') return
    this.entries.delete(path)
    this.emit({ kind: 'removed', id: entry.item.id, cause: 'gone' })
  }

  async assign(id: string, target: AssignTarget): Promise<AssignResult> {
    const entry = this.byId(id)
    const fail = (reason: Extract<AssignResult, { ok: false }>['reason']): AssignResult => ({ ok: false, reason, words: noteReason({ code: reason }) })
    if (!entry) return fail('no-such-item')
    if (entry.item.state === 'checking' || entry.item.state === 'storing' || entry.item.state === 'stored') return fail('busy')
    if (entry.item.state === 'rejected') return fail('unusable')
    const reason = target.overrideReason?.trim() || null
    if (entry.item.warnings.length > 0 && !reason) return fail('needs-override')
    // Read again: the scanner may have overwritten the file since it was checked.
    const checked = await checkScannerFile(entry.path, target.slot, this.deps)
    if (!checked.ok) {
      this.set(entry, { ...entry.item, state: 'rejected', reason: checked.note, deletable: checked.image })
      return fail('unusable')
    }
    if (!checked.quality.passed && !reason) return fail('needs-override')
    return this.store(entry, { ...target, overrideReason: reason }, checked)
  }

  /**
   * Deletes a failed scan. Only a file whose bytes are an image's is deleted: anything else (a
   * document, a database, a key file) leaves the list but stays on disk, for whoever put it there.
   */
  async discard(id: string): Promise<boolean> {
    const entry = this.byId(id)
    if (!entry || entry.item.state === 'storing' || entry.item.state === 'checking') return false
    if (!entry.item.deletable) this.dismissed.set(entry.path, entry.item.modifiedAt)
    else if (!(await removeOriginal(entry.path))) return false
    this.entries.delete(entry.path)
    this.emit({ kind: 'removed', id, cause: 'discarded' })
    return true
  }

  private async check(entry: Entry, version: number): Promise<void> {
    const checked = await checkScannerFile(entry.path, entry.item.match?.slot ?? null, this.deps)
    if (entry.version !== version || this.entries.get(entry.path) !== entry) return
    if (!checked.ok) {
      this.set(entry, { ...entry.item, state: 'rejected', reason: checked.note, deletable: checked.image })
      return
    }
    entry.thumbnail = await makeThumbnail(checked.image.jpeg)
    if (entry.version !== version) return
    const warnings = checked.quality.issues.map((i) => qualityNote(i))
    const { width, height } = checked.image
    this.set(entry, { ...entry.item, state: 'ready', warnings, image: { width, height }, hasThumbnail: true, deletable: true })
    if (entry.item.match) await this.autoAssign(entry, entry.item.match, checked)
  }

  /**
   * A check that threw (the image pipeline or the queue failing, not a bad file) would otherwise
   * leave its file "checking" for good (issue 17, finding 13): say so, and let the operator act.
   */
  private checkFailed(entry: Entry, version: number, error: unknown): void {
    this.deps.log.error('scanner.check-failed', { error: error instanceof Error ? error.name : 'unknown' })
    if (entry.version !== version || this.entries.get(entry.path) !== entry) return
    if (entry.item.state === 'checking') this.set(entry, { ...entry.item, state: 'rejected', reason: note({ code: 'file.check-failed' }) })
    else if (entry.item.state === 'ready') this.set(entry, { ...entry.item, reason: note({ code: 'auto.failed' }) })
  }

  /** Only into a draft, and only a clean image: replacing a queued applicant's image is the operator's decision. */
  private async autoAssign(entry: Entry, match: FileNameMatch, checked: Checked): Promise<void> {
    const hold = (reason: InboxNote) => this.set(entry, { ...entry.item, reason })
    if (!checked.quality.passed) return hold(note({ code: 'auto.quality' }))
    const applicant = findByReference(this.deps.applicants, match.reference)
    if (!applicant) return hold(note({ code: 'auto.no-applicant', reference: match.reference }))
    if (applicant.queued || applicant.purgedAt !== null) return hold(note({ code: 'auto.not-draft', reference: applicant.reference }))
    const operatorId = this.deps.operatorId()
    if (operatorId === null) return hold(note({ code: 'auto.locked' }))
    const result = await this.store(entry, { applicantId: applicant.id, slot: match.slot, operatorId, overrideReason: null }, checked)
    if (!result.ok) hold(note({ code: 'auto.failed' }))
  }

  private async store(entry: Entry, target: AssignTarget & { overrideReason: string | null }, checked: Checked): Promise<AssignResult> {
    const before = entry.item
    this.set(entry, { ...before, state: 'storing', reason: null })
    let updated
    try {
      updated = await attachImage(this.deps.applicants, target, checked.image, checked.quality)
    } catch (error) {
      this.deps.log.error('scanner.store-failed', { error: error instanceof Error ? error.name : 'unknown' })
      this.set(entry, before)
      return { ok: false, reason: 'failed', words: noteReason({ code: 'failed' }) }
    }
    if (!updated.ok) {
      this.set(entry, before)
      const reason = updated.reason === 'purged' ? 'applicant-purged' : 'applicant-not-found'
      return { ok: false, reason, words: noteReason({ code: reason }) }
    }
    const removed = await removeOriginal(entry.path)
    this.deps.log.info('scanner.assigned', { slot: target.slot, fileRemoved: removed })
    if (removed) {
      this.entries.delete(entry.path)
      this.emit({ kind: 'removed', id: before.id, cause: 'assigned', applicantId: target.applicantId })
    } else {
      this.set(entry, { ...before, state: 'stored', reason: note({ code: 'file.delete-failed' }) })
    }
    return { ok: true, applicantId: target.applicantId, slot: target.slot, status: updated.status, fileRemoved: removed }
  }

  private blankItem(path: string, match: FileNameMatch | null): InboxItem {
    const now = this.deps.clock()
    return { id: randomUUID(), name: basename(path), size: 0, modifiedAt: now, detectedAt: now, state: 'checking', reason: null, warnings: [], match, image: null, hasThumbnail: false, deletable: false }
  }

  private byId(id: string): Entry | undefined {
    return [...this.entries.values()].find((e) => e.item.id === id)
  }

  private set(entry: Entry, item: InboxItem): void {
    entry.item = item
    this.entries.set(entry.path, entry)
    this.emit({ kind: 'changed', item })
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => this.deps.log.error('scanner.check-failed', { error: error instanceof Error ? error.name : 'unknown' }))
    this.pending.add(tracked)
    void tracked.finally(() => this.pending.delete(tracked))
  }

  private emit(event: InboxEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch (error) {
        this.deps.log.warn('scanner.listener-failed', { error: error instanceof Error ? error.name : 'unknown' })
      }
    }
  }
}
