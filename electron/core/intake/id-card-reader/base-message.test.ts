import { describe, expect, it } from 'vitest'
import { encodeBaseMessage } from '../../../../sandbox/id-reader/base-message-encoder'
import { findSyntheticCard } from '../../../../sandbox/id-reader/synthetic-cards'
import { parseBaseMessage } from './base-message'

function block(id: string): Uint8Array {
  const card = findSyntheticCard(id)
  if (!card) throw new Error(`no card ${id}`)
  return encodeBaseMessage(card)
}

function parsed(id: string) {
  const result = parseBaseMessage(block(id))
  if (!result.ok) throw new Error(`not parsed: ${result.problem}`)
  return result.card
}

describe('parseBaseMessage', () => {
  it('reads the resident layout, the blank flag at byte 248, the ethnicity code and a long-term end date', () => {
    const raw = block('long-term')
    expect(new TextDecoder('utf-16le').decode(raw.subarray(248, 250))).toBe(' ')
    expect(parsed('long-term')).toEqual({
      kind: 'resident', nameZh: '王建国', nameEn: null, sexCode: '1', ethnicityCode: '01', ethnicityName: null, nationality: null,
      birth: '19580101', number: '370102195801010036', address: '山东省济南市历下区样本街4号', authority: '济南市公安局历下区分局',
      validFrom: '20080601', validTo: 'long-term', passNumber: null, issueCount: null,
    })
  })

  it('keeps the middle dot of a name and the ethnicity of the card', () => {
    expect(parsed('middle-dot')).toMatchObject({ nameZh: '阿依古丽·买买提', ethnicityCode: '05', sexCode: '2' })
  })

  it('reads the J layout: pass number and issue count, no ethnicity', () => {
    expect(parsed('permit-hong-kong')).toMatchObject({
      kind: 'hmt-permit', nameZh: '陈家明', number: '81000019800815001X', ethnicityCode: null, passNumber: 'H01234567', issueCount: '01',
      validFrom: '20220301', validTo: '20270301',
    })
    expect(parsed('permit-macau')).toMatchObject({ number: '820000199002020026', passNumber: 'M12345678', issueCount: '02' })
    expect(parsed('permit-taiwan')).toMatchObject({ number: expect.stringMatching(/^830000/), passNumber: '12345678' })
  })

  it('reads the 2017 foreigner layout (I): English name first, 15-character number, birth after the dates', () => {
    expect(parsed('foreign-2017')).toEqual({
      kind: 'foreign-2017', nameZh: '史密斯', nameEn: 'SMITH, JOHN WILLIAM', sexCode: '1', ethnicityCode: null, ethnicityName: null,
      nationality: 'USA', birth: '19850315', number: 'USA118503150017', address: null, authority: '1500',
      validFrom: '20180101', validTo: '20280101', passNumber: null, issueCount: null,
    })
  })

  it('reads the 2023 foreigner layout (Y), joining the English name split over two fields', () => {
    const card = parsed('foreign-2023')
    expect(card).toMatchObject({
      kind: 'foreign-2023', nameZh: '玛丽亚', sexCode: '2', nationality: 'ESP', birth: '19920704', number: '911724199207040022',
      validFrom: '20240101', validTo: '20340101', issueCount: '00',
    })
    expect(card.nameEn).toBe('GARCIA LOPEZ, MARIA FERNANDA ALEJANDRA ROSA')
    expect(card.nameEn!.length).toBeGreaterThan(35)
  })

  it('refuses a block of the wrong length and an unknown type flag', () => {
    expect(parseBaseMessage(new Uint8Array(255))).toEqual({ ok: false, problem: 'length' })
    const raw = block('compound-ouyang')
    raw.set(new Uint8Array(Buffer.from('Z', 'utf16le')), 248)
    expect(parseBaseMessage(raw)).toEqual({ ok: false, problem: 'unknown-type', flag: 'Z' })
  })

  it('reads a name of rare characters outside the GBK range intact (the UCS-2 path)', () => {
    const raw = block('compound-sima')
    raw.set(new Uint8Array(Buffer.from('司马𠀀'.padEnd(15, ' '), 'utf16le')).subarray(0, 30), 0)
    expect(parseBaseMessage(raw)).toMatchObject({ ok: true, card: { nameZh: '司马𠀀' } })
  })
})
