import { captureFormSchema, type CaptureForm } from '../../../shared/contract/intake'
import { accountBindingSchema, identityDataSchema, type AccountBinding, type IdentityData } from '../../../shared/domain/identity'
import type { ImageSlot, Sha256Hex } from '../../../shared/domain/images'
import { deriveStatus } from '../../../shared/domain/status'
import { newSortableId } from '../db/ids'
import type { ApplicantContent } from '../db/tables/applicants/repository'
import type { ImageRow } from '../db/tables/images/repository'
import { BINDING_FIELD, IDENTITY_FIELD, loadRecord, openBinding, openIdentity } from './applicant-record'
import type { StoreContext } from './context'
import { changeOf, refreshDerived } from './derived'
import { assertImagesPresent, storeImageInputs } from './image-inputs'
import { maskedLabel, nextReference, referencePrefix } from './label'
import { findingCodesOf } from './quality-findings'
import { resetStepsInTx } from './step-resets'
import { stepsAffectedByEdit, type EditedField } from './steps-affected'
import type { ApplicantPatch, ApplicantRecord, CreateApplicantInput, StepChange, UpdateResult } from './types'

/** The sealed capture form's field name: binds its ciphertext to this use. */
const CAPTURE_FORM_FIELD = 'capture-form'

/** Capture and edit: drafts are created here, and edits to queued applicants re-run what they affect. */
export class ApplicantService {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * `inTx` runs inside the creating transaction, after the insert (create-and-queue): a throw
   * there rolls the whole applicant back; the step changes it returns are published after commit.
   */
  async create(
    input: CreateApplicantInput,
    inTx?: (id: string) => readonly StepChange[],
  ): Promise<{ id: string; reference: string }> {
    const at = this.ctx.now()
    const id = newSortableId(at)
    // Validate before anything is written: a bad field must not leave encrypted junk behind.
    const identity = input.identity ? identityDataSchema.parse(input.identity) : null
    const binding = input.binding ? accountBindingSchema.parse(input.binding) : null
    const images = await storeImageInputs(this.ctx, input.images, at)
    const changes: StepChange[] = []
    let created: { id: string; reference: string }
    try {
      created = this.insertDraft(id, input, { identity, binding, images, at }, () => changes.push(...(inTx?.(id) ?? [])))
    } catch (error) {
      // Files written for a rolled-back applicant would otherwise wait for the next sweep.
      for (const image of images) this.ctx.imageStore.deleteIfUnreferenced(image.sha256)
      throw error
    }
    this.ctx.publish(changes)
    return created
  }

  private insertDraft(
    id: string,
    input: CreateApplicantInput,
    { identity, binding, images, at }: { identity: IdentityData | null; binding: AccountBinding | null; images: ImageRow[]; at: number },
    inTx: () => void,
  ): { id: string; reference: string } {
    return this.ctx.db
      .transaction(() => {
        assertImagesPresent(this.ctx, images)
        const reference = nextReference(at, this.ctx.applicants.lastReferenceLike(`${referencePrefix(at)}-*`))
        this.ctx.applicants.insert({
          ...content(identity, {
            identityEnc: identity ? this.seal(id, IDENTITY_FIELD, identity) : null,
            bindingEnc: binding ? this.seal(id, BINDING_FIELD, binding) : null,
            bindingAt: binding ? at : null,
            consent: input.consent,
            language: input.language ?? null,
            livenessAuto: input.livenessAuto ?? false,
          }),
          id,
          reference,
          status: deriveStatus([], false, this.ctx.bindingExpired),
          operatorId: input.operatorId,
          createdAt: at,
          capturedAt: input.capturedAt ?? at,
          environment: this.ctx.environment(),
        })
        for (const image of images) this.ctx.images.upsert(id, image)
        this.ctx.events.append({
          at,
          applicantId: id,
          operatorId: input.operatorId,
          type: 'captured',
          details: { identity: identity !== null, binding: binding !== null, slots: images.map((i) => i.slot), consent: input.consent?.version ?? null },
        })
        this.logOverrides(id, input.operatorId, images, at)
        this.logFindings(id, input.operatorId, images, at)
        inTx()
        return { id, reference }
      })
      .immediate()
  }

  get(id: string): ApplicantRecord | null {
    return loadRecord(this.ctx, id)
  }

  /**
   * Edits a draft or a queued applicant. On a queued one, only the steps the change affects go
   * back to pending (stepsAffectedByEdit), in the same transaction as the change.
   */
  async update(id: string, patch: ApplicantPatch, operatorId: string | null): Promise<UpdateResult> {
    let result: UpdateResult = { ok: false, reason: 'not-found' }
    await this.updateThen(id, patch, operatorId, (updated) => {
      result = updated
    })
    return result
  }

  /**
   * `update`, then `inTx` inside the same transaction once the edit succeeded (queueing a draft):
   * a throw there rolls the edit back too. Step changes are published after the commit.
   */
  async updateThen(
    id: string,
    patch: ApplicantPatch,
    operatorId: string | null,
    inTx: (updated: UpdateResult, changes: StepChange[]) => void,
  ): Promise<void> {
    const at = this.ctx.now()
    const identity = patch.identity ? identityDataSchema.parse(patch.identity) : undefined
    const binding = patch.binding ? accountBindingSchema.parse(patch.binding) : undefined
    const captureForm = patch.captureForm ? captureFormSchema.parse(patch.captureForm) : patch.captureForm
    const images = await storeImageInputs(this.ctx, patch.images, at)
    const replaced: Sha256Hex[] = []
    const changes: StepChange[] = []
    this.ctx.db
      .transaction(() => {
        const updated = this.updateInTx(id, { identity, binding, captureForm, images }, patch, operatorId, at, replaced, changes)
        inTx(updated, changes)
      })
      .immediate()
    this.ctx.publish(changes)
    for (const sha of replaced) this.ctx.imageStore.deleteIfUnreferenced(sha)
  }

  private updateInTx(
    id: string,
    { identity, binding, captureForm, images }: { identity?: IdentityData; binding?: AccountBinding; captureForm?: CaptureForm | null; images: ImageRow[] },
    patch: ApplicantPatch,
    operatorId: string | null,
    at: number,
    replaced: Sha256Hex[],
    changes: StepChange[],
  ): UpdateResult {
    assertImagesPresent(this.ctx, images)
    const row = this.ctx.applicants.get(id)
    if (!row) return { ok: false, reason: 'not-found' }
    if (row.purgedAt !== null) return { ok: false, reason: 'purged' }
    const oldIdentity = openIdentity(this.ctx, row)
    const oldBinding = openBinding(this.ctx, row)
    const oldImages = new Map(this.ctx.images.forApplicant(id).map((i) => [i.slot, i]))
    const changedFields = [...identityChanges(oldIdentity, identity), ...bindingChanges(oldBinding, binding)]
    const changedSlots: ImageSlot[] = []
    for (const image of images) {
      const old = oldImages.get(image.slot)
      if (old?.sha256 !== image.sha256) changedSlots.push(image.slot)
      if (old && old.sha256 !== image.sha256) replaced.push(old.sha256)
      this.ctx.images.upsert(id, image)
    }
    // Unchanged secrets keep their ciphertext rather than being sealed again for nothing.
    const updated = content(identity ?? oldIdentity, {
      identityEnc: identity ? this.seal(id, IDENTITY_FIELD, identity) : row.identityEnc,
      bindingEnc: binding ? this.seal(id, BINDING_FIELD, binding) : row.bindingEnc,
      // A new token (or account) is a fresh binding; the same QR scanned again is not.
      bindingAt: bindingChanges(oldBinding, binding).length > 0 ? at : row.bindingAt,
      consent: patch.consent ?? row.consent,
      language: patch.language === undefined ? row.language : patch.language,
      livenessAuto: patch.livenessAuto ?? row.livenessAuto,
    })
    this.ctx.applicants.updateContent(id, updated, at)
    const stale = row.queued ? stepsAffectedByEdit(changedFields, changedSlots) : []
    const reset = resetStepsInTx(this.ctx, id, stale, at)
    // An autosave that changed nothing is not an edit worth an audit line.
    if (changedFields.length > 0 || changedSlots.length > 0 || patch.consent !== undefined) {
      this.ctx.events.append({
        at,
        applicantId: id,
        operatorId,
        type: 'edited',
        details: { fields: changedFields, slots: changedSlots, resetSteps: reset.map((s) => s.name) },
      })
    }
    this.logOverrides(id, operatorId, images, at)
    this.logFindings(id, operatorId, images.filter((i) => changedSlots.includes(i.slot)), at)
    if (captureForm !== undefined) {
      this.ctx.applicants.setCaptureForm(id, captureForm === null ? null : this.ctx.vault.sealJson(captureForm, { applicantId: id, field: CAPTURE_FORM_FIELD }))
    }
    const { status } = refreshDerived(this.ctx, id, at)
    changes.push(...reset.map((s) => changeOf(id, s, status)))
    return { ok: true, status, resetSteps: reset.map((s) => s.name) }
  }

  /** The draft's half-typed capture form, or null (none typed, imported, or queued since). */
  captureForm(id: string): CaptureForm | null {
    const sealed = this.ctx.applicants.captureForm(id)
    return sealed === null ? null : this.ctx.vault.openJson(sealed, { applicantId: id, field: CAPTURE_FORM_FIELD }, captureFormSchema)
  }

  private seal(applicantId: string, field: string, value: IdentityData | AccountBinding): Buffer {
    return this.ctx.vault.sealJson(value, { applicantId, field })
  }

  /** Keeping an image the quality check rejected is an audited decision, with its reason. */
  private logOverrides(id: string, operatorId: string | null, images: readonly ImageRow[], at: number): void {
    for (const image of images) {
      if (image.overrideReason === null) continue
      this.ctx.events.append({ at, applicantId: id, operatorId, type: 'override', details: { slot: image.slot, reason: image.overrideReason } })
    }
  }

  /** A new image the quality gate found fault with, by finding code only: what the day's glance counts. */
  private logFindings(id: string, operatorId: string | null, images: readonly ImageRow[], at: number): void {
    for (const image of images) {
      const codes = findingCodesOf(image.quality)
      if (codes.length > 0) this.ctx.events.append({ at, applicantId: id, operatorId, type: 'image-flagged', details: { slot: image.slot, codes } })
    }
  }
}

/** The clear columns are derived from the identity: masked label, document type, country. */
function content(
  identity: IdentityData | null,
  rest: Omit<ApplicantContent, 'label' | 'documentType' | 'country'>,
): ApplicantContent {
  return {
    ...rest,
    label: identity ? maskedLabel(identity) : null,
    documentType: identity?.documentType ?? null,
    country: identity?.country ?? null,
  }
}

function identityChanges(old: IdentityData | null, next: IdentityData | undefined): EditedField[] {
  if (!next) return []
  const keys = Object.keys(identityDataSchema.shape) as (keyof IdentityData)[]
  return keys.filter((k) => JSON.stringify(old?.[k]) !== JSON.stringify(next[k]))
}

function bindingChanges(old: AccountBinding | null, next: AccountBinding | undefined): EditedField[] {
  if (!next) return []
  const fields: EditedField[] = []
  if (old?.uid !== next.uid) fields.push('uid')
  if (old?.token !== next.token) fields.push('token')
  return fields
}
