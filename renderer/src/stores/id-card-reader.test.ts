import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import type { ReaderRead } from '../../../shared/contract'
import type { ChipCard } from '../../../shared/domain/id-card'
import { createAppI18n } from '../i18n'
import { fakeKyc } from '../test-support/fake-kyc'
import { useCaptureStore } from './capture'
import { useChipReadStore } from './chip-read'
import { useIdCardReaderStore } from './id-card-reader'

const draftId = '0190aaaa-bbbb-cccc'
const ouyang: ChipCard = {
  kind: 'resident', nameZh: '欧阳娜娜', nameEn: null, sexCode: '2', ethnicityCode: '01', ethnicityName: '汉', nationality: null,
  birth: '19950308', number: '110101199503080021', address: '北京市东城区样本街道1号', authority: '北京市公安局东城分局',
  validFrom: '20150310', validTo: '20350310', passNumber: null, issueCount: null,
}
const sima: ChipCard = { ...ouyang, nameZh: '司马相如', sexCode: '1', birth: '19880412', number: '510105198804120010', validFrom: '20180501', validTo: '20380501' }
const hongKong: ChipCard = { ...ouyang, kind: 'hmt-permit', nameZh: '陈家明', sexCode: '1', ethnicityCode: null, birth: '19800815', number: '81000019800815001X' }
const photo = 'data:image/jpeg;base64,/9j/AAAA'

let kyc: ReturnType<typeof fakeKyc>
let reads: ReaderRead[]
let removals: number

beforeEach(() => {
  setActivePinia(createPinia())
  kyc = fakeKyc()
  reads = []
  removals = 0
  kyc.answer('capture:save', ({ id }) => ({ id: id ?? draftId, reference: '20260101-0001', updatedAt: 1 }))
  kyc.answer('reader:status', () => ({ adapter: 'cvr-web', state: 'idle', emulated: true, acceptResidencePermits: false }))
  kyc.answer('reader:read', () => reads.shift() ?? { outcome: 'cancelled' })
  kyc.answer('reader:await-removal', () => {
    removals += 1
    return { outcome: 'removed' }
  })
})

const card = (c: ChipCard): ReaderRead => ({ outcome: 'read', card: c, photoDataUrl: photo })

describe('reading a card into the capture form', () => {
  it('fills every identity field from the chip with no typing, shows the photo, then waits for the card to be lifted', async () => {
    const reader = useIdCardReaderStore()
    const capture = useCaptureStore()
    reads.push(card(ouyang))
    await reader.read()
    expect(capture.form.identity).toMatchObject({
      country: 'CHN', surname: '欧阳', givenName: '娜娜', documentType: 'id_card', documentNumber: '110101199503080021',
      birthday: '1995-03-08', gender: 'female', chineseMainland: true, issueDate: '2015-03-10', validity: { kind: 'until', expiryDate: '2035-03-10' },
    })
    expect(useChipReadStore().photoDataUrl).toBe(photo)
    expect(kyc.callsTo('reader:read')).toEqual([{ id: draftId }])
    await nextTick()
    expect(removals).toBe(1)
    expect(reader.notice).toBe('removed')
    expect(capture.validation.issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  it('ignores the same card read twice', async () => {
    const reader = useIdCardReaderStore()
    reads.push(card(ouyang), card(ouyang))
    await reader.read()
    await nextTick()
    useCaptureStore().form.identity.givenName = '娜娜'
    await reader.read()
    expect(reader.notice).toBe('same-card')
    expect(reader.phase).not.toBe('confirm')
  })

  it('asks before a different card replaces a filled form, showing what differs', async () => {
    const reader = useIdCardReaderStore()
    const capture = useCaptureStore()
    reads.push(card(ouyang), card(sima))
    await reader.read()
    await nextTick()
    await reader.read()
    expect(reader.phase).toBe('confirm')
    expect(capture.form.identity.surname).toBe('欧阳')
    expect(reader.differences.map((d) => d.field)).toEqual(['name', 'documentNumber', 'birthday', 'gender', 'issueDate', 'validity'])
    reader.confirmReplace()
    expect(capture.form.identity).toMatchObject({ surname: '司马', givenName: '相如', gender: 'male' })
  })

  it('shows a field-by-field difference against what was typed before the read', async () => {
    const reader = useIdCardReaderStore()
    const capture = useCaptureStore()
    capture.form.identity.surname = '欧阳'
    capture.form.identity.givenName = '娜'
    capture.form.identity.documentNumber = '110101199503080021'
    reads.push(card(ouyang))
    await reader.read()
    expect(reader.phase).toBe('confirm')
    expect(reader.differences).toEqual([{ field: 'name', form: '欧阳 娜', chip: '欧阳娜娜' }])
    reader.keepTyped()
    expect(capture.form.identity.givenName).toBe('娜')
  })

  it('makes editing a chip field afterwards a warning that needs a reason', async () => {
    const reader = useIdCardReaderStore()
    const capture = useCaptureStore()
    reads.push(card(ouyang))
    await reader.read()
    capture.form.identity.issueDate = '2015-03-11'
    expect(capture.validation.issues).toContainEqual({ field: 'issueDate', code: 'chip.edited', severity: 'warning', params: { chipValue: '2015-03-10' } })
    expect(capture.unresolved.map((i) => i.code)).toContain('chip.edited')
    capture.acceptWarning({ field: 'issueDate', code: 'chip.edited', reason: '证件签发日期以纸面为准' })
    expect(capture.unresolved.map((i) => i.code)).not.toContain('chip.edited')
  })

  it('reads a permit card and refuses it for submission unless permits are taken', async () => {
    const reader = useIdCardReaderStore()
    const capture = useCaptureStore()
    await reader.refreshStatus()
    reads.push(card(hongKong))
    await reader.read()
    expect(capture.form.identity).toMatchObject({ country: 'HKG', documentNumber: '81000019800815001X', chineseMainland: false })
    expect(capture.validation.status).toBe('incomplete')
    expect(capture.validation.issues).toContainEqual(expect.objectContaining({ code: 'chip.card-not-accepted' }))
  })

  it('moves the name split in one click for a name with a middle dot', async () => {
    const reader = useIdCardReaderStore()
    const capture = useCaptureStore()
    reads.push(card({ ...ouyang, nameZh: '阿依古丽·买买提' }))
    await reader.read()
    expect(capture.form.identity).toMatchObject({ surname: '阿依古丽', givenName: '买买提' })
    expect(useChipReadStore().split?.confident).toBe(false)
    reader.moveSplit(2)
    expect(capture.form.identity).toMatchObject({ surname: '阿依', givenName: '古丽·买买提' })
  })

  it('holds an uncertain split back from the queue until the operator confirms it, and again after a move', async () => {
    const reader = useIdCardReaderStore()
    const capture = useCaptureStore()
    reads.push(card({ ...ouyang, nameZh: '阿依古丽·买买提' }))
    await reader.read()
    const unconfirmed = () => capture.unresolved.some((found) => found.code === 'chip.split-unconfirmed')
    expect(unconfirmed()).toBe(true)
    reader.confirmSplit('操作员已核对证件确认姓名拆分')
    expect(unconfirmed()).toBe(false)
    reader.moveSplit(2)
    expect(unconfirmed()).toBe(true)
  })
})

describe('reader faults, as the operator reads them', () => {
  const i18n = createAppI18n('zh-CN')
  const en = createAppI18n('en')
  const faults = ['no-card', 'not-lifted', 'busy', 'unreachable', 'no-device', 'read-failed', 'unsupported-card', 'cancelled'] as const

  it.each(faults)('%s is told in both languages and leaves the form untouched', async (outcome) => {
    const reader = useIdCardReaderStore()
    const capture = useCaptureStore()
    reads.push({ outcome })
    await reader.read()
    expect(reader.notice).toBe(outcome)
    expect(reader.phase).toBe('idle')
    expect(capture.form.identity.surname).toBe('')
    const zh = i18n.global.t(`reader.outcome.${outcome}`)
    const english = en.global.t(`reader.outcome.${outcome}`)
    expect(zh).toMatch(/\p{Script=Han}/u)
    expect(english).not.toMatch(/\p{Script=Han}|reader\.outcome/u)
  })

  it('photo-failed keeps the fields and says so', async () => {
    const reader = useIdCardReaderStore()
    reads.push({ outcome: 'photo-failed', card: ouyang })
    await reader.read()
    expect(useCaptureStore().form.identity.surname).toBe('欧阳')
    expect(reader.notice).toBe('photo-failed')
    expect(i18n.global.t('reader.outcome.photo-failed')).toContain('已保留读取的文字信息')
    expect(en.global.t('reader.outcome.photo-failed')).toContain('the text was kept')
  })
})
