import type {
  BindingInput,
  BindingView,
  CaptureDraft,
  CaptureForm,
  ImageOutcome,
  MrzRead,
  Slots,
} from '../../../../shared/contract/intake'
import { consentTextVersion } from '../../../../shared/domain/consent'
import type { ChipCardKind } from '../../../../shared/domain/id-card'
import type { AccountBinding, IdentityData } from '../../../../shared/domain/identity'
import type { ImageSlot, ImageSource } from '../../../../shared/domain/images'
import { localIsoDate } from '../../../../shared/domain/local-date'
import type { ApplicantStatus } from '../../../../shared/domain/status'
import { parseAccountBinding, parseTypedBinding, validateIdentity, type Issue } from '../../../../shared/identity'
import { jsonValueSchema } from '../../db/json'
import { KycError, notFound } from '../../errors/kyc-error'
import type { KycStore } from '../../queue/store'
import type { ApplicantRecord } from '../../queue/types'
import { failureReason, type ImageIntake } from '../image'
import type { AuditedOverride } from '../../queue/applicant-queue'
import { checkBeforeQueue } from './queue-check'
import { duplicateRefusal } from './duplicate-refusal'
import type { SlotViews } from './slot-view'

export interface CaptureServiceDeps {
  readonly store: Pick<KycStore, 'applicants' | 'images' | 'events'>
  readonly slots: Pick<SlotViews, 'view' | 'remember'>
  readonly intake: () => Pick<ImageIntake, 'normalize' | 'readMrz'>
  readonly clock: () => number
  readonly operatorId: () => string | null
  /** Seeded sandbox customers while in training mode, else none. */
  readonly demoUsers: () => readonly AccountBinding[]
  /** Start liveness on its own once submitted (the setting at capture time). */
  readonly autoLiveness: () => boolean
  readonly syncNow: (applicantId: string) => void
  /** What an ID card reader read into a draft: its rules join main's check before queueing. */
  readonly chipReads?: ChipReadRules
}

export interface ChipReadRules {
  /** The chip rules' issues for this draft's form, none when no chip was read into it. */
  issuesFor(applicantId: string, form: CaptureForm): Issue[]
  /** The card type read into the draft, for the audit log. */
  kindOf(applicantId: string): ChipCardKind | null
  forget(applicantId: string): void
}

/** A token as the operator may see it; short tokens show nothing of themselves. */
export function maskToken(token: string): string {
  return token.length >= 12 ? `••••${token.slice(-4)}` : '••••'
}

const view = (binding: AccountBinding): BindingView => ({ uid: binding.uid, maskedToken: maskToken(binding.token) })

function formFromRecord(identity: IdentityData | null): CaptureForm {
  return { identity: identity ? { ...identity } : {}, consent: false, overrides: [] }
}

/**
 * The capture screen's use of the core: drafts saved as typed, the binding, images through the
 * intake pipeline into the encrypted store, overrides, MRZ reading, and queueing after main has
 * checked everything again. Calls on one draft run one after another, in arrival order.
 */
export class CaptureService {
  private readonly chains = new Map<string, Promise<unknown>>()

  constructor(private readonly deps: CaptureServiceDeps) {}

  async open(id: string): Promise<CaptureDraft> {
    return this.serial(id, async () => {
      const record = this.draft(id)
      const form = this.deps.store.applicants.captureForm(id) ?? formFromRecord(record.identity)
      // Resuming someone else's draft (or an imported one) shows its document number in full:
      // an access to sensitive data the audit log must name, as a reveal in the detail view is.
      const opener = this.deps.operatorId()
      if (form.identity.documentNumber && record.operatorId !== opener) {
        this.deps.store.events.append({ type: 'revealed', applicantId: id, operatorId: opener, details: { field: 'documentNumber', via: 'capture' } })
      }
      return {
        id,
        reference: record.reference,
        form,
        binding: record.binding ? view(record.binding) : null,
        slots: await this.deps.slots.view(record.images),
        updatedAt: record.updatedAt,
      }
    })
  }

  async save(id: string | null, form: CaptureForm): Promise<{ id: string; reference: string; updatedAt: number }> {
    const target = id ?? (await this.deps.store.applicants.create({ operatorId: this.deps.operatorId(), consent: null })).id
    return this.serial(target, async () => {
      const record = this.draft(target)
      // A complete identity also goes to the applicant, so the queue shows the draft's masked label.
      const validation = validateIdentity(form.identity, { today: localIsoDate(this.deps.clock()) })
      const complete = validation.status === 'complete' && JSON.stringify(validation.identity) !== JSON.stringify(record.identity)
      await this.update(target, { captureForm: form, ...(complete ? { identity: validation.identity } : {}) })
      return { id: target, reference: record.reference, updatedAt: this.deps.clock() }
    })
  }

  demoCustomers(): { index: number; binding: BindingView }[] {
    return this.deps.demoUsers().map((user, index) => ({ index, binding: view(user) }))
  }

  async bind(id: string, input: BindingInput): Promise<BindingView> {
    return this.serial(id, async () => {
      this.draft(id)
      const binding = this.parseBinding(input)
      await this.update(id, { binding })
      return view(binding)
    })
  }

  async putImage(id: string, slot: ImageSlot, data: string, source: ImageSource): Promise<{ outcome: ImageOutcome; slots: Slots }> {
    return this.serial(id, async () => {
      this.draft(id)
      const intake = this.deps.intake()
      const result = await intake.normalize(Buffer.from(data, 'base64'), { slot })
      if (!result.ok) {
        return { outcome: { ok: false, code: result.reason.code, reason: failureReason(result.reason) }, slots: await this.slotsOf(id) }
      }
      const { image, quality } = result
      this.deps.slots.remember(image.sha256, image.metrics)
      // The import's shape (passed, issues) plus the measurements the cross-slot checks need later.
      const stored = jsonValueSchema.parse({ passed: quality.passed, issues: quality.issues, metrics: image.metrics, source })
      await this.update(id, {
        images: { [slot]: { source: { jpeg: image.jpeg }, width: image.width, height: image.height, quality: stored, overrideReason: null } },
      })
      return { outcome: { ok: true }, slots: await this.slotsOf(id) }
    })
  }

  async overrideImage(id: string, slot: ImageSlot, reason: string | null): Promise<Slots> {
    return this.serial(id, async () => {
      const meta = this.draft(id).images[slot]
      if (!meta) throw notFound('image')
      const source = { sha256: meta.sha256, byteSize: meta.byteSize }
      await this.update(id, {
        images: { [slot]: { source, width: meta.width, height: meta.height, quality: meta.quality, overrideReason: reason } },
      })
      return this.slotsOf(id)
    })
  }

  async readMrz(id: string, slot: ImageSlot): Promise<MrzRead> {
    const meta = this.draft(id).images[slot]
    if (!meta) return { ok: false, code: 'no-image' }
    const jpeg = await this.deps.store.images.get(meta.sha256)
    const scan = await this.deps.intake().readMrz(jpeg, { today: localIsoDate(this.deps.clock()) })
    if (!scan.ok) return { ok: false, code: scan.reason.code }
    return { ok: true, text: scan.lines.join('\n'), valid: scan.mrz.valid }
  }

  async queue(
    id: string,
    form: CaptureForm,
    syncNow: boolean,
    duplicateReason: string | null = null,
  ): Promise<{ id: string; reference: string; status: ApplicantStatus }> {
    return this.serial(id, async () => {
      const record = this.draft(id)
      await this.update(id, { captureForm: form })
      const today = localIsoDate(this.deps.clock())
      const slots = await this.deps.slots.view(record.images)
      const chipIssues = this.deps.chipReads?.issuesFor(id, form) ?? []
      const checked = checkBeforeQueue({ form, hasBinding: record.binding !== null, slots, today, chipIssues })
      if (!checked.ok) {
        const first = checked.issues.find((i) => i.reason) ?? checked.issues[0]
        throw new KycError('INVALID_INPUT', first?.message ?? 'The identity data still has problems', checked.issues, first?.reason ?? { key: 'capture.identityIncomplete' })
      }
      const operatorId = this.deps.operatorId()
      const duplicates = record.binding ? this.deps.store.applicants.duplicatesOf({ id, uid: record.binding.uid, documentNumber: checked.identity.documentNumber }) : []
      if (duplicates.length > 0 && duplicateReason === null) throw duplicateRefusal(duplicates)
      const audited: AuditedOverride[] = []
      for (const accepted of checked.acceptedWarnings) {
        const override = form.overrides.find((o) => o.field === accepted.field && o.code === accepted.code)
        if (override) audited.push({ source: 'capture', field: override.field, code: override.code, reason: override.reason })
      }
      if (duplicates.length > 0) {
        audited.push({ source: 'capture', code: 'duplicate', reason: duplicateReason, duplicates: duplicates.map((d) => ({ applicant: d.applicantId, match: d.match })) })
      }
      const content = { identity: checked.identity, consent: { version: consentTextVersion, at: this.deps.clock() }, livenessAuto: this.deps.autoLiveness() }
      const chipKind = this.deps.chipReads?.kindOf(id) ?? null
      const capturedBy = chipKind ? { source: 'id-card-chip', kind: chipKind } : null
      const queued = await this.deps.store.applicants.queueDraft(id, content, operatorId, audited, capturedBy)
      if (!queued.ok) throw new KycError('CONFLICT', `The applicant could not be queued: ${queued.reason}`, undefined, { key: 'capture.notQueued' })
      this.deps.chipReads?.forget(id)
      if (syncNow) this.deps.syncNow(id)
      return { id, reference: record.reference, status: queued.status }
    })
  }

  async discard(id: string): Promise<void> {
    return this.serial(id, async () => {
      this.draft(id)
      const removed = this.deps.store.applicants.remove(id, this.deps.operatorId())
      if (!removed.ok && removed.reason !== 'not-found') throw new KycError('CONFLICT', 'This applicant has started syncing and cannot be removed', undefined, { key: 'capture.cannotRemove' })
    })
  }

  private parseBinding(input: BindingInput): AccountBinding {
    if (input.kind === 'demo') {
      const user = this.deps.demoUsers()[input.index]
      if (!user) throw new KycError('NOT_FOUND', 'There is no such demo customer', undefined, { key: 'capture.noDemoCustomer' })
      return { uid: user.uid, token: user.token }
    }
    const parsed = input.kind === 'scan' ? parseAccountBinding(input.text) : parseTypedBinding(input.uid, input.token)
    if (parsed.ok) return parsed.binding
    const issues = parsed.issues.map((found) => ({
      field: found.field,
      code: found.code,
      severity: 'error' as const,
      // The screen words the reason (capture.bindingInvalid); the message is for the log.
      message: `${found.field}: ${found.code}`,
    }))
    throw new KycError('INVALID_INPUT', issues[0]?.message ?? 'The account binding is not valid', issues, { key: 'capture.bindingInvalid' })
  }

  private async update(id: string, patch: Parameters<KycStore['applicants']['update']>[1]): Promise<void> {
    const result = await this.deps.store.applicants.update(id, patch, this.deps.operatorId())
    if (!result.ok) throw notFound('applicant')
  }

  /** A draft's slots as the capture screen shows them (after a scanner assignment, say). */
  async slots(id: string): Promise<Slots> {
    return this.serial(id, () => this.slotsOf(id))
  }

  private async slotsOf(id: string): Promise<Slots> {
    return this.deps.slots.view(this.draft(id).images)
  }

  /** The applicant, which must still be a draft: queued ones are edited in the detail view. */
  private draft(id: string): Extract<ApplicantRecord, { stage: 'draft' }> {
    const record = this.deps.store.applicants.get(id)
    if (!record) throw notFound('applicant')
    if (record.stage !== 'draft') throw new KycError('CONFLICT', 'This applicant is already queued', undefined, { key: 'capture.notADraft' })
    return record
  }

  private serial<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(id) ?? Promise.resolve()
    const next = previous.then(work, work)
    const settled = next.catch(() => undefined)
    this.chains.set(id, settled)
    void settled.then(() => {
      if (this.chains.get(id) === settled) this.chains.delete(id)
    })
    return next
  }
}
