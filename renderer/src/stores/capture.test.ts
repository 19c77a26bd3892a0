import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import type { CaptureForm, Slots, SlotState } from '../../../shared/contract'
import { fakeKyc } from '../test-support/fake-kyc'
import { autosaveDelayMs, maxImageFileBytes, useCaptureStore } from './capture'

const noSlots: Slots = { front: null, back: null, hand: null }
const slot = (name: 'front' | 'back' | 'hand', issues: SlotState['issues'] = []): SlotState => ({
  slot: name,
  sha256: 'a'.repeat(64),
  width: 1600,
  height: 1000,
  bytes: 1234,
  previewDataUrl: 'data:image/jpeg;base64,AAAA',
  issues,
  overrideReason: null,
})
const draftId = '0190aaaa-bbbb-cccc'

let kyc: ReturnType<typeof fakeKyc>

beforeEach(() => {
  setActivePinia(createPinia())
  kyc = fakeKyc()
  let saves = 0
  kyc.answer('capture:save', ({ id }) => ({ id: id ?? draftId, reference: '20260101-0001', updatedAt: ++saves }))
  kyc.answer('capture:bind', () => ({ binding: { uid: '1234567890', maskedToken: '••••cdef' } }))
})

afterEach(() => vi.useRealTimers())

async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(autosaveDelayMs + 10)
}

describe('capture store: drafts saved as the operator types', () => {
  it('saves once the typing pauses, creating the draft first and updating it after', async () => {
    vi.useFakeTimers()
    const store = useCaptureStore()
    store.form.identity.surname = '王'
    await nextTick()
    expect(store.saveState).toBe('pending')
    store.form.identity.givenName = '小'
    await nextTick()
    store.form.identity.givenName = '小红'
    await nextTick()
    expect(kyc.callsTo('capture:save')).toHaveLength(0)
    await settle()
    const saves = kyc.callsTo('capture:save') as { id: string | null; form: CaptureForm }[]
    expect(saves).toHaveLength(1)
    expect(saves[0]).toMatchObject({ id: null, form: { identity: { surname: '王', givenName: '小红' } } })
    expect(store.draftId).toBe(draftId)
    expect(store.saveState).toBe('saved')

    store.form.identity.surname = '李'
    await nextTick()
    await settle()
    expect((kyc.callsTo('capture:save')[1] as { id: string }).id).toBe(draftId)
  })

  it('does not save an untouched form, and opening a draft does not save it back', async () => {
    vi.useFakeTimers()
    kyc.answer('capture:open', ({ id }) => ({
      id,
      reference: '20260101-0007',
      form: { identity: { surname: '赵' }, consent: false, overrides: [] },
      binding: null,
      slots: noSlots,
      updatedAt: 1,
    }))
    const store = useCaptureStore()
    await settle()
    expect(await store.open(draftId)).toBe(true)
    await nextTick()
    await settle()
    expect(store.form.identity.surname).toBe('赵')
    expect(store.form.identity.documentType).toBe('id_card')
    expect(kyc.callsTo('capture:save')).toHaveLength(0)
  })
})

describe('capture store: live rules and autofill', () => {
  it('fills birthday and gender from a valid ID number, and only offers what would overwrite a typed value', async () => {
    const store = useCaptureStore()
    store.form.identity.documentNumber = '11010519491231002X'
    await nextTick()
    await nextTick()
    expect(store.form.identity.birthday).toBe('1949-12-31')
    expect(store.form.identity.gender).toBe('female')

    store.form.identity.birthday = '1950-01-01'
    await nextTick()
    expect(store.form.identity.birthday).toBe('1950-01-01')
    expect(store.offers).toContainEqual({ field: 'birthday', value: '1949-12-31', source: 'id-number' })
    expect(store.validation.issues.map((i) => i.code)).toContain('birthday.mismatch-id-number')
  })

  it('fills the legal validity of an ID card once, and does not force it back when the operator changes it', async () => {
    const store = useCaptureStore()
    store.form.identity.documentNumber = '11010519491231002X'
    store.form.identity.issueDate = '2015-03-01'
    await nextTick()
    expect(store.form.identity.validity).toEqual({ kind: 'long-term' })
    // The card in hand has an expiry date after all: choosing it sticks.
    store.form.identity.validity = { kind: 'until', expiryDate: '' }
    await nextTick()
    await nextTick()
    expect(store.form.identity.validity).toEqual({ kind: 'until', expiryDate: '' })
  })

  it('fills the document from a valid MRZ and leaves the form alone for a bad one', () => {
    const store = useCaptureStore()
    const mrz = ['P<CHNZHANG<<SAN<<<<<<<<<<<<<<<<<<<<<<<<<<<<<', 'E123456782CHN8501019M3001019<<<<<<<<<<<<<<08']
    expect(store.applyMrz(mrz.join('\n').replace('E12', 'E13'))).toBe(false)
    expect(store.form.identity.surname).toBe('')
    expect(store.applyMrz(mrz.join('\n'))).toBe(true)
    expect(store.form.identity).toMatchObject({
      documentType: 'passport',
      country: 'CHN',
      surname: 'ZHANG',
      givenName: 'SAN',
      documentNumber: 'E12345678',
      birthday: '1985-01-01',
      gender: 'male',
      validity: { kind: 'until', expiryDate: '2030-01-01' },
    })
  })
})

describe('capture store: binding, images and queueing', () => {
  it('routes a scanned binding to main and keeps only the masked view', async () => {
    vi.useFakeTimers()
    const store = useCaptureStore()
    const kind = store.handleScan('kyc://bind?uid=1234567890&token=abcdef')
    await vi.runAllTimersAsync()
    expect(await kind).toBe('binding')
    expect(kyc.callsTo('capture:bind')).toEqual([{ id: draftId, input: { kind: 'scan', text: 'kyc://bind?uid=1234567890&token=abcdef' } }])
    expect(store.binding).toEqual({ uid: '1234567890', maskedToken: '••••cdef' })
    expect(JSON.stringify(store.$state)).not.toContain('abcdef')
  })

  it('refuses files too large to send before reading them, and shows main\'s verdict for the rest', async () => {
    vi.useFakeTimers()
    kyc.answer('capture:put-image', ({ slot: s }) => ({
      outcome: s === 'back' ? { ok: false, code: 'pdf-unsupported', reason: { key: 'imageFile.pdf-unsupported' } } : { ok: true },
      slots: { ...noSlots, front: slot('front', [{ code: 'blurred', reason: { key: 'imageCheck.blurred.camera' }, detail: null }]) },
    }))
    const store = useCaptureStore()
    const huge = { size: maxImageFileBytes + 1 } as Blob
    expect(await store.putImage('front', huge)).toBe(false)
    expect(store.slotFailures.front).toEqual({ code: 'too-large', reason: null })
    expect(kyc.callsTo('capture:put-image')).toHaveLength(0)

    const done = store.putImage('front', new Blob([new Uint8Array([0xff, 0xd8, 0xff])]), 'camera')
    await vi.runAllTimersAsync()
    expect(await done).toBe(true)
    expect(kyc.callsTo('capture:put-image')[0]).toMatchObject({ data: '/9j/', source: 'camera' })
    expect(store.slots.front?.issues).toHaveLength(1)
    expect(store.checklist.quality).toBe(false)

    expect(await store.putImage('back', new Blob([new Uint8Array([1])]))).toBe(false)
    expect(store.slotFailures.back?.reason).toEqual({ key: 'imageFile.pdf-unsupported' })
  })

  it('shows main\'s refusal in words, and starts afresh once queued', async () => {
    vi.useFakeTimers()
    const store = useCaptureStore()
    store.form.identity.surname = '王'
    kyc.answer('capture:queue', () => {
      throw { code: 'INVALID_INPUT', message: 'no', issues: [{ field: 'consent', code: 'no-consent', severity: 'error', message: '客户尚未同意' }] }
    })
    const refused = store.queue(false)
    await vi.runAllTimersAsync()
    expect(await refused).toBe(false)
    expect(store.showAllIssues).toBe(true)
    expect(store.queueError?.issues?.[0]?.message).toBe('客户尚未同意')

    kyc.answer('capture:queue', ({ id }) => ({ id, reference: '20260101-0001', status: 'queued' }))
    const queued = store.queue(true)
    await vi.runAllTimersAsync()
    expect(await queued).toBe(true)
    expect(kyc.callsTo('capture:queue').at(-1)).toMatchObject({ id: draftId, syncNow: true })
    expect(store.lastQueued).toEqual({ reference: '20260101-0001', syncNow: true })
    expect(store.draftId).toBeNull()
    expect(store.form.identity.surname).toBe('')
  })
})
