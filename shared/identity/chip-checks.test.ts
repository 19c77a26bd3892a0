import { describe, expect, it } from 'vitest'
import type { ChipCard } from '../domain/id-card'
import { checkChipRead } from './chip-checks'
import { chipDifferences, chipIdentity } from './chip-identity'
import { proposeNameSplit } from './chip-name-split'
import { unresolvedIssues } from './overrides'
import { checkPermitNumber } from './permit-numbers'

const resident: ChipCard = {
  kind: 'resident', nameZh: '欧阳娜娜', nameEn: null, sexCode: '2', ethnicityCode: '01', ethnicityName: '汉', nationality: null,
  birth: '19950308', number: '110101199503080021', address: '北京市东城区样本街道1号', authority: '北京市公安局东城分局',
  validFrom: '20150310', validTo: '20350310', passNumber: null, issueCount: null,
}
const hongKong: ChipCard = {
  ...resident, kind: 'hmt-permit', nameZh: '陈家明', sexCode: '1', ethnicityCode: null, birth: '19800815', number: '81000019800815001X',
  validFrom: '20220301', validTo: '20270301', passNumber: 'H01234567', issueCount: '01',
}
const split = proposeNameSplit('欧阳娜娜')
const permitSplit = proposeNameSplit('陈家明')

describe('chipIdentity', () => {
  it('maps a resident card to a mainland id_card of CHN, dates as YYYY-MM-DD', () => {
    expect(chipIdentity(resident, split)).toEqual({
      country: 'CHN', surname: '欧阳', givenName: '娜娜', documentType: 'id_card', documentNumber: '110101199503080021', birthday: '1995-03-08',
      gender: 'female', chineseMainland: true, issueDate: '2015-03-10', validity: { kind: 'until', expiryDate: '2035-03-10' },
    })
  })

  it('maps J cards to their region and a long-term card to long-term validity', () => {
    expect(chipIdentity(hongKong, permitSplit)).toMatchObject({ country: 'HKG', chineseMainland: false })
    expect(chipIdentity({ ...hongKong, number: '820000199002020026' }, permitSplit).country).toBe('MAC')
    expect(chipIdentity({ ...hongKong, number: '830000197505300037' }, permitSplit).country).toBe('TWN')
    expect(chipIdentity({ ...resident, validTo: 'long-term' }, split).validity).toEqual({ kind: 'long-term' })
  })
})

describe('chipDifferences', () => {
  it('lists, field by field, what was typed differently from the chip; blank fields do not count', () => {
    const typed = { surname: '欧阳', givenName: '娜', documentNumber: '110101199503080021', birthday: '1995-03-09', gender: null, issueDate: '' }
    expect(chipDifferences(typed, resident, split)).toEqual([
      { field: 'name', form: '欧阳 娜', chip: '欧阳娜娜' },
      { field: 'birthday', form: '1995-03-09', chip: '1995-03-08' },
    ])
  })

  it('finds nothing when the form says what the chip says, whatever the split point', () => {
    const same = { ...chipIdentity(resident, split), surname: '欧', givenName: '阳娜娜' }
    expect(chipDifferences(same, resident, split)).toEqual([])
  })
})

describe('checkChipRead', () => {
  const accept = { acceptResidencePermits: true }
  const refuse = { acceptResidencePermits: false }

  it('asks for a reason when a chip field was edited afterwards', () => {
    const edited = { ...chipIdentity(resident, split), documentNumber: '110101199503080013' }
    const issues = checkChipRead(resident, split, edited, refuse)
    expect(issues).toEqual([{ field: 'documentNumber', code: 'chip.edited', severity: 'warning', params: { chipValue: '110101199503080021' } }])
  })

  it('refuses a permit card unless the platform takes permits', () => {
    const issues = checkChipRead(hongKong, permitSplit, chipIdentity(hongKong, permitSplit), refuse)
    expect(issues).toEqual([{ field: 'documentType', code: 'chip.card-not-accepted', severity: 'error', params: { kind: 'hmt-permit' } }])
    expect(checkChipRead(hongKong, permitSplit, chipIdentity(hongKong, permitSplit), accept)).toEqual([])
  })

  it('puts an uncertain name split to the operator, and takes the override as the confirmation', () => {
    const dotted = { ...resident, nameZh: '阿依古丽·买买提' }
    const uncertain = proposeNameSplit('阿依古丽·买买提')
    const issues = checkChipRead(dotted, uncertain, chipIdentity(dotted, uncertain), refuse)
    expect(issues).toEqual([
      { field: 'surname', code: 'chip.split-unconfirmed', severity: 'warning', params: { surname: '阿依古丽', givenName: '买买提' } },
    ])
    expect(unresolvedIssues(issues, [{ field: 'surname', code: 'chip.split-unconfirmed', reason: '已核对证件' }])).toEqual([])
    expect(checkChipRead(resident, split, chipIdentity(resident, split), refuse)).toEqual([])
  })

  it('judges permit numbers only where permits are taken', () => {
    const wrong = { ...hongKong, number: '810000198008150011' }
    expect(checkChipRead(wrong, permitSplit, chipIdentity(wrong, permitSplit), accept)).toMatchObject([
      { code: 'chip.permit-number', params: { problem: 'check-character' } },
    ])
  })
})

describe('checkPermitNumber', () => {
  it.each([
    ['hmt-permit', '81000019800815001X', '19800815', null],
    ['hmt-permit', '820000199002020026', '19900202', null],
    ['hmt-permit', '110101199503080021', '19950308', 'format'],
    ['hmt-permit', '81000019800815001X', '19800816', 'birth-date'],
    ['foreign-2023', '911724199207040022', '19920704', null],
    ['foreign-2023', '911724199207040023', '19920704', 'check-character'],
    ['foreign-2017', 'USA118503150017', '19850315', null],
    ['foreign-2017', 'USA118503160017', '19850315', 'birth-date'],
    ['foreign-2017', 'US1118503150017', '19850315', 'format'],
  ] as const)('%s %s (born %s): %s', (kind, number, birth, problem) => {
    expect(checkPermitNumber(kind, number, birth)).toBe(problem)
  })
})
