import { computed, reactive, ref, watch, type Ref } from 'vue'
import type { FieldIssue, IpcError } from '../../../shared/contract'
import type { AccountBinding, IdentityData } from '../../../shared/domain/identity'
import { localIsoDate } from '../../../shared/domain/local-date'
import type { StepName } from '../../../shared/domain/steps'
import { validateIdentity } from '../../../shared/identity'
import { call, errorOf } from '../api/kyc'
import { useIssueWords } from './useIssueWords'

export interface EditForm {
  country: string
  surname: string
  givenName: string
  documentType: IdentityData['documentType']
  /** Empty keeps the stored number (the form only ever holds it masked, unless revealed). */
  documentNumber: string
  birthday: string
  gender: IdentityData['gender']
  chineseMainland: boolean
  issueDate: string
  validityKind: 'long-term' | 'until'
  expiryDate: string
}

export type SaveOutcome = { resetSteps: StepName[]; failedSteps: StepName[] }

function toForm(identity: IdentityData, masked: boolean): EditForm {
  return {
    country: identity.country,
    surname: identity.surname,
    givenName: identity.givenName,
    documentType: identity.documentType,
    documentNumber: masked ? '' : identity.documentNumber,
    birthday: identity.birthday,
    gender: identity.gender,
    chineseMainland: identity.chineseMainland,
    issueDate: identity.issueDate,
    validityKind: identity.validity.kind,
    expiryDate: identity.validity.kind === 'until' ? identity.validity.expiryDate : '',
  }
}

/**
 * The detail view's edit form. The identity is fetched into this local state only (never a
 * store), with the document number masked unless the operator reveals it; the same rules as
 * capture check it live, and main checks it again on save.
 */
export function useIdentityEdit(id: Ref<string>) {
  const issueWords = useIssueWords()
  const form = reactive<EditForm>({
    country: '',
    surname: '',
    givenName: '',
    documentType: 'id_card',
    documentNumber: '',
    birthday: '',
    gender: 'male',
    chineseMainland: true,
    issueDate: '',
    validityKind: 'until',
    expiryDate: '',
  })
  const maskedNumber = ref<string | null>(null)
  const editable = ref(false)
  const loaded = ref(false)
  const uidMasked = ref<string | null>(null)
  const acknowledge = ref(false)
  const saving = ref(false)
  const error = ref<IpcError | null>(null)
  const serverIssues = ref<FieldIssue[]>([])

  async function load(reveal = false): Promise<void> {
    try {
      const found = await call('applicants:identity-for-edit', { id: id.value, revealDocumentNumber: reveal })
      editable.value = found.editable
      uidMasked.value = found.uidMasked
      loaded.value = found.identity !== null
      if (found.identity) {
        Object.assign(form, toForm(found.identity, found.documentNumberMasked))
        maskedNumber.value = found.documentNumberMasked ? found.identity.documentNumber : null
      }
      error.value = null
      serverIssues.value = []
    } catch (thrown) {
      error.value = errorOf(thrown)
    }
  }

  const draft = computed(() => ({
    country: form.country,
    surname: form.surname,
    givenName: form.givenName,
    documentType: form.documentType,
    documentNumber: form.documentNumber.trim() === '' ? null : form.documentNumber,
    birthday: form.birthday,
    gender: form.gender,
    chineseMainland: form.chineseMainland,
    issueDate: form.issueDate,
    validity: form.validityKind === 'long-term' ? ({ kind: 'long-term' } as const) : ({ kind: 'until', expiryDate: form.expiryDate } as const),
  }))

  /** Live issues per field; with the number kept (masked), its own checks are main's to run. */
  const issues = computed<FieldIssue[]>(() => {
    const keep = draft.value.documentNumber === null && maskedNumber.value !== null
    const result = validateIdentity(draft.value, { today: localIsoDate(Date.now()) })
    const live = result.issues
      .filter((found) => !(keep && (found.field === 'documentNumber' || found.code.startsWith('cn-id.'))))
      .map((found) => ({ field: found.field, code: found.code, severity: found.severity, message: issueWords.identity(found) }))
    // Main's own checks (the kept number) come as issues, worded here like the form's.
    const server = serverIssues.value.map((s) => (s.identity ? { ...s, message: issueWords.identity(s.identity) } : s))
    return [...live, ...server.filter((s) => !live.some((l) => l.field === s.field && l.code === s.code))]
  })
  const hasErrors = computed(() => issues.value.some((i) => i.severity === 'error'))
  const warnings = computed(() => issues.value.filter((i) => i.severity === 'warning'))

  async function save(): Promise<SaveOutcome | null> {
    saving.value = true
    try {
      const result = await call('applicants:update', { id: id.value, identity: draft.value, acknowledgeWarnings: acknowledge.value })
      error.value = null
      serverIssues.value = []
      acknowledge.value = false
      await load()
      return { resetSteps: result.resetSteps, failedSteps: result.failedSteps }
    } catch (thrown) {
      error.value = errorOf(thrown)
      serverIssues.value = error.value.issues ?? []
      return null
    } finally {
      saving.value = false
    }
  }

  /** A new account binding (typed or scanned): sent once, never kept. */
  async function replaceBinding(binding: AccountBinding): Promise<SaveOutcome | null> {
    saving.value = true
    try {
      const result = await call('applicants:update', { id: id.value, binding })
      error.value = null
      await load()
      return { resetSteps: result.resetSteps, failedSteps: result.failedSteps }
    } catch (thrown) {
      error.value = errorOf(thrown)
      return null
    } finally {
      saving.value = false
    }
  }

  watch(id, () => void load(), { immediate: true })

  return { form, maskedNumber, editable, loaded, uidMasked, acknowledge, saving, error, issues, hasErrors, warnings, load, save, replaceBinding }
}
