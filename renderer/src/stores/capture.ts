import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type {
  ApplicantSummary,
  BindingInput,
  BindingView,
  CaptureForm,
  ErrorReason,
  IpcError,
  MrzRead,
  Slots,
  WaitingApplicant,
} from '../../../shared/contract'
import { imageSlots, type ImageSlot, type ImageSource } from '../../../shared/domain/images'
import {
  unresolvedIssues,
  validateIdentity,
  type IssueCode,
  type IssueField,
  type Suggestion,
  type WarningOverride,
} from '../../../shared/identity'
import { call, errorOf } from '../api/kyc'
import { blobToBase64 } from '../composables/base64'
import { classifyScan, type ScanKind } from '../composables/scan-routing'
import { createAutosave } from './autosave'
import { localIsoDate } from '../../../shared/domain/local-date'
import { applySuggestion, emptyForm, emptyIdentity, fillFromMrz, isBlank } from './capture-form'
import { useChipReadStore, withChipIssues } from './chip-read'

/** Larger files are refused before being read into memory; main applies the configured limit too. */
export const maxImageFileBytes = 27 * 1024 * 1024
export const autosaveDelayMs = 800

/** Why a slot's last file was not taken: main's reason, or a code the screen words itself. */
export type SlotFailure = { code: string; reason: ErrorReason | null }
type Busy = ImageSlot | 'binding' | 'queue' | 'mrz' | 'open' | 'rebind'

const noSlots = (): Slots => ({ front: null, back: null, hand: null })
/** A plain copy: reactive proxies do not cross the bridge. */
const plain = (form: CaptureForm): CaptureForm => JSON.parse(JSON.stringify(form)) as CaptureForm

/** One walk-in customer being captured: the draft, its binding, its images, and queueing it. */
export const useCaptureStore = defineStore('capture', () => {
  const draftId = ref<string | null>(null)
  const reference = ref<string | null>(null)
  const form = ref<CaptureForm>(emptyForm())
  const binding = ref<BindingView | null>(null)
  const slots = ref<Slots>(noSlots())
  const slotFailures = ref<Partial<Record<ImageSlot, SlotFailure>>>({})
  const busy = ref<Partial<Record<Busy, boolean>>>({})
  const saveState = ref<'idle' | 'pending' | 'saving' | 'saved' | 'error'>('idle')
  const error = ref<IpcError | null>(null)
  const bindingError = ref<IpcError | null>(null)
  const queueError = ref<IpcError | null>(null)
  /** Missing-field messages wait until the operator tries to queue. */
  const showAllIssues = ref(false)
  const today = ref(localIsoDate(Date.now()))
  const drafts = ref<ApplicantSummary[]>([])
  const demoCustomers = ref<{ index: number; binding: BindingView }[]>([])
  const lastQueued = ref<{ reference: string; syncNow: boolean } | null>(null)
  const lastScan = ref<{ kind: ScanKind; ok: boolean; at: number } | null>(null)
  /** Applicants in needs-new-qr on the account just bound: the customer came back with a new QR. */
  const rebindOffers = ref<WaitingApplicant[]>([])
  const lastRebound = ref<{ id: string; reference: string } | null>(null)
  const rebindError = ref<IpcError | null>(null)

  const chipRead = useChipReadStore()
  const validation = computed(() =>
    withChipIssues(validateIdentity(form.value.identity, { today: today.value }), chipRead.issuesFor(draftId.value, form.value.identity)),
  )
  const unresolved = computed(() => unresolvedIssues(validation.value.issues, form.value.overrides))
  /** Offers that would overwrite something typed: shown, never applied unasked. */
  const offers = computed<Suggestion[]>(() => validation.value.suggestions.filter((s) => !isBlank(form.value.identity, s.field)))
  const checklist = computed(() => ({
    binding: binding.value !== null,
    identity: validation.value.status === 'complete' && unresolved.value.length === 0,
    images: imageSlots.every((s) => slots.value[s] !== null),
    quality:
      imageSlots.some((s) => slots.value[s] !== null) &&
      imageSlots.every((s) => {
        const state = slots.value[s]
        return !state || state.issues.length === 0 || state.overrideReason !== null
      }),
    consent: form.value.consent,
  }))
  const canQueue = computed(() => Object.values(checklist.value).every(Boolean))

  let savedJson = JSON.stringify(form.value)
  const autosave = createAutosave(() => saveNow(false), autosaveDelayMs)

  /** `create`: make the draft even if nothing was typed yet (a binding or an image comes first). */
  async function saveNow(create: boolean): Promise<void> {
    const json = JSON.stringify(form.value)
    if (json === savedJson && (draftId.value !== null || !create)) {
      if (saveState.value === 'pending') saveState.value = 'saved'
      return
    }
    saveState.value = 'saving'
    try {
      const saved = await call('capture:save', { id: draftId.value, form: JSON.parse(json) as CaptureForm })
      draftId.value = saved.id
      reference.value = saved.reference
      savedJson = json
      saveState.value = JSON.stringify(form.value) === json ? 'saved' : 'pending'
    } catch (thrown) {
      saveState.value = 'error'
      error.value = errorOf(thrown)
    }
  }

  watch(
    form,
    () => {
      if (JSON.stringify(form.value) === savedJson) return
      saveState.value = 'pending'
      autosave.schedule()
    },
    { deep: true },
  )

  /**
   * The validity the card law gives is a default, not evidence like the number's birthday: once the
   * operator changes it (the card in hand says otherwise), the same value is not forced back.
   */
  let autofilledValidity: string | null = null

  // Autofill from the ID number or the MRZ, into blank fields only.
  watch(
    () => validation.value.suggestions,
    (suggestions) => {
      for (const s of suggestions) {
        if (s.source === 'normalization' || !isBlank(form.value.identity, s.field)) continue
        if (s.field === 'validity') {
          const key = JSON.stringify(s.value)
          if (key === autofilledValidity) continue
          autofilledValidity = key
        }
        applySuggestion(form.value.identity, s)
      }
    },
  )

  async function ensureDraft(): Promise<string> {
    if (draftId.value === null) await autosave.flush(() => saveNow(true))
    if (draftId.value === null) throw new Error(error.value?.message ?? 'the draft could not be saved')
    return draftId.value
  }

  async function run<T>(what: Busy, work: () => Promise<T>, onError: (e: IpcError) => void): Promise<T | null> {
    busy.value = { ...busy.value, [what]: true }
    try {
      return await work()
    } catch (thrown) {
      onError(errorOf(thrown))
      return null
    } finally {
      busy.value = { ...busy.value, [what]: false }
    }
  }

  function reset(): void {
    autosave.cancel()
    draftId.value = null
    reference.value = null
    form.value = emptyForm()
    savedJson = JSON.stringify(form.value)
    binding.value = null
    slots.value = noSlots()
    slotFailures.value = {}
    saveState.value = 'idle'
    error.value = bindingError.value = queueError.value = rebindError.value = null
    rebindOffers.value = []
    lastRebound.value = null
    showAllIssues.value = false
    autofilledValidity = null
    today.value = localIsoDate(Date.now())
  }

  /** Starts a fresh capture (the next customer); the previous draft is saved first. */
  async function startNew(): Promise<void> {
    await autosave.flush()
    reset()
  }

  async function open(id: string): Promise<boolean> {
    await autosave.flush()
    const draft = await run('open', () => call('capture:open', { id }), (e) => (error.value = e))
    if (!draft) return false
    reset()
    draftId.value = draft.id
    reference.value = draft.reference
    form.value = { ...draft.form, identity: { ...emptyIdentity(), ...draft.form.identity } }
    savedJson = JSON.stringify(form.value)
    binding.value = draft.binding
    slots.value = draft.slots
    saveState.value = 'saved'
    return true
  }

  async function loadDrafts(): Promise<void> {
    const page = await run('open', () => call('applicants:list', { status: 'draft', limit: 50 }), (e) => (error.value = e))
    if (page) drafts.value = page.items
  }

  async function discard(id: string): Promise<void> {
    const done = await run('open', () => call('capture:discard', { id }), (e) => (error.value = e))
    if (done && id === draftId.value) reset()
    await loadDrafts()
  }

  async function loadDemoCustomers(): Promise<void> {
    const result = await run('binding', () => call('capture:demo-customers', {}), (e) => (error.value = e))
    demoCustomers.value = result?.items ?? []
  }

  async function bind(input: BindingInput): Promise<boolean> {
    const result = await run(
      'binding',
      async () => call('capture:bind', { id: await ensureDraft(), input }),
      (e) => (bindingError.value = e),
    )
    if (result) {
      binding.value = result.binding
      bindingError.value = null
      lastRebound.value = null
      await findWaitingApplicants()
    }
    return result !== null
  }

  /** A lookup that fails only loses the offer: the binding itself is done. */
  async function findWaitingApplicants(): Promise<void> {
    const id = draftId.value
    rebindOffers.value = []
    if (id === null) return
    const found = await run('binding', () => call('capture:waiting-for-qr', { draftId: id }), (e) => (rebindError.value = e))
    if (found && id === draftId.value) rebindOffers.value = found.items
  }

  /**
   * Gives the draft's new binding to the waiting applicant (its refused steps run again). A draft
   * holding nothing else is discarded; one with typed data or images stays for a new capture.
   */
  async function rebind(applicantId: string): Promise<boolean> {
    const id = draftId.value
    if (id === null) return false
    rebindError.value = null
    const done = await run('rebind', () => call('capture:rebind', { draftId: id, applicantId }), (e) => (rebindError.value = e))
    if (!done) return false
    rebindOffers.value = []
    if (holdsOnlyBinding()) {
      autosave.cancel()
      const discarded = await run('rebind', () => call('capture:discard', { id }), (e) => (error.value = e))
      if (discarded && id === draftId.value) reset()
      if (discarded) await loadDrafts()
    }
    lastRebound.value = { id: applicantId, reference: done.reference }
    return true
  }

  function holdsOnlyBinding(): boolean {
    return JSON.stringify(form.value) === JSON.stringify(emptyForm()) && imageSlots.every((s) => slots.value[s] === null)
  }

  /** The operator goes on with a new capture for this customer instead. */
  function declineRebind(): void {
    rebindOffers.value = []
  }

  /** `source`: a camera photo is retaken, a scan rescanned (the quality messages say which). */
  async function putImage(slot: ImageSlot, file: Blob, source: ImageSource = 'file'): Promise<boolean> {
    if (file.size === 0 || file.size > maxImageFileBytes) {
      slotFailures.value = { ...slotFailures.value, [slot]: { code: file.size === 0 ? 'empty-file' : 'too-large', reason: null } }
      return false
    }
    const result = await run(
      slot,
      async () => call('capture:put-image', { id: await ensureDraft(), slot, data: await blobToBase64(file), source }),
      (e) => (error.value = e),
    )
    if (!result) return false
    slots.value = result.slots
    const failure = result.outcome.ok ? undefined : { code: result.outcome.code, reason: result.outcome.reason }
    slotFailures.value = { ...slotFailures.value, [slot]: failure }
    return result.outcome.ok
  }

  /** Slots main changed on its own (a scanner file assigned): shown as they now are. */
  function receiveSlots(next: Slots): void {
    slots.value = next
  }

  async function refreshSlots(): Promise<void> {
    const id = draftId.value
    if (id === null) return
    const result = await run('open', () => call('capture:slots', { id }), (e) => (error.value = e))
    if (result && id === draftId.value) slots.value = result.slots
  }

  async function overrideImage(slot: ImageSlot, reason: string | null): Promise<boolean> {
    const id = draftId.value
    if (id === null) return false
    const result = await run(slot, () => call('capture:override-image', { id, slot, reason }), (e) => (error.value = e))
    if (result) slots.value = result.slots
    return result !== null
  }

  /** Reads the MRZ off a stored image (OCR in main) and fills the form when every check digit passes. */
  async function readMrzFromImage(slot: ImageSlot): Promise<MrzRead | null> {
    const id = draftId.value
    if (id === null) return null
    const read = await run('mrz', () => call('capture:read-mrz', { id, slot }), (e) => (error.value = e))
    if (read?.ok && read.valid) fillFromMrz(form.value.identity, read.text, today.value)
    return read
  }

  function applyMrz(text: string): boolean {
    return fillFromMrz(form.value.identity, text, today.value) !== null
  }

  function acceptWarning(override: WarningOverride): void {
    withdrawWarning(override.field, override.code)
    form.value.overrides = [...form.value.overrides, override]
  }

  function withdrawWarning(field: IssueField, code: IssueCode): void {
    form.value.overrides = form.value.overrides.filter((o) => !(o.field === field && o.code === code))
  }

  /** A scanner burst from anywhere in the app: a binding QR code, or an MRZ swipe. */
  async function handleScan(text: string): Promise<ScanKind> {
    const kind = classifyScan(text)
    const ok = kind === 'binding' ? await bind({ kind: 'scan', text }) : applyMrz(text)
    lastScan.value = { kind, ok, at: Date.now() }
    return kind
  }

  /** `duplicateReason`: the operator goes on although the core warned of a duplicate (audited). */
  async function queue(syncNow: boolean, duplicateReason?: string): Promise<boolean> {
    showAllIssues.value = true
    await autosave.flush()
    const id = draftId.value
    if (id === null) return false
    const done = await run(
      'queue',
      () => call('capture:queue', { id, form: plain(form.value), syncNow, ...(duplicateReason ? { duplicateReason } : {}) }),
      (e) => (queueError.value = e),
    )
    if (!done) return false
    lastQueued.value = { reference: done.reference, syncNow }
    reset()
    return true
  }

  return {
    draftId, reference, form, binding, slots, slotFailures, busy, saveState, error, bindingError, queueError,
    showAllIssues, today, drafts, demoCustomers, lastQueued, lastScan, rebindOffers, lastRebound, rebindError,
    validation, unresolved, offers, checklist, canQueue,
    flush: () => autosave.flush(),
    /** The session locked: the next operator must not find this customer's data on screen. */
    forget: () => reset(),
    ensureDraft, receiveSlots, refreshSlots,
    startNew, open, loadDrafts, discard, loadDemoCustomers, bind, putImage, overrideImage, readMrzFromImage, applyMrz,
    applySuggestion: (s: Suggestion) => applySuggestion(form.value.identity, s),
    acceptWarning, withdrawWarning, handleScan, queue, rebind, declineRebind,
  }
})
