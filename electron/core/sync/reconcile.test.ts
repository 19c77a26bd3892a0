import { describe, expect, it } from 'vitest'
import type { IdentityData } from '../../../shared/domain/identity'
import { defaultReconcileRules, effectiveReconcileRules, reconcileRulesSchema } from '../../../shared/domain/reconcile-rules'
import { echoFromAuthInfo, type PlatformEcho } from '../platform-client/from-wire'
import { findMismatches, mismatchMessage, type SentRecord } from './reconcile'

const identity: IdentityData = {
  country: 'CHN',
  surname: '王',
  givenName: '小明',
  documentType: 'id_card',
  documentNumber: '11010519491231002X',
  birthday: '1949-12-31',
  gender: 'female',
  chineseMainland: true,
  issueDate: '2015-06-01',
  validity: { kind: 'long-term' },
}
const references = { front: 'kyc/1/a/front-1.jpg', back: 'kyc/1/a/back-2.jpg', hand: 'kyc/1/a/hand-3.jpg' }
const sent: SentRecord = { identity, references, objectKeys: references }
const rules = defaultReconcileRules
const exactRules = effectiveReconcileRules(Object.fromEntries(Object.keys(defaultReconcileRules).map((f) => [f, 'exact'])))
const fieldsOf = (s: SentRecord, echo: PlatformEcho, r = rules) => findMismatches(s, echo, r).map((m) => m.field)

function exactEcho(over: Partial<PlatformEcho> = {}): PlatformEcho {
  return {
    country: 'CHN',
    surname: '王',
    givenName: '小明',
    documentNumber: '11010519491231002X',
    birthday: '1949-12-31',
    gender: 2,
    chineseMainland: 1,
    issueDate: '2015-06-01',
    longTerm: 1,
    expiryDate: '',
    images: { ...references },
    ...over,
  }
}

/** Midnight of a day in Beijing (UTC+8), as a Java platform's Date would give it. */
const beijingMidnight = (day: string) => Date.parse(`${day}T00:00:00+08:00`)

describe('reconcile', () => {
  it('finds nothing when the platform holds exactly what was sent, under default and exact rules', () => {
    expect(findMismatches(sent, exactEcho(), rules)).toEqual([])
    expect(findMismatches(sent, exactEcho(), exactRules)).toEqual([])
  })

  it('reads the wire echo (surname as firstName, flags as integers) into the same comparison', () => {
    const echo = echoFromAuthInfo({
      country: 'CHN', firstName: '王', secondName: '小明', idNumber: '11010519491231002x', birthday: '1949-12-31', gender: 2, isChina: 1,
      singnTime: '2015-06-01', outofTime: '', isAllTime: 1, positiveImages: references.front, oppositeImages: references.back, handImages: references.hand,
    })
    expect(findMismatches(sent, echo, rules)).toEqual([])
  })

  it('names every differing field with its rule, in form order, and no values', () => {
    const echo = exactEcho({ givenName: '小红', gender: 1, longTerm: 0, expiryDate: '2030-01-01', images: { ...references, back: 'kyc/1/a/back-other.jpg', hand: null } })
    const mismatches = findMismatches(sent, echo, rules)
    expect(mismatches.map((m) => m.field)).toEqual(['givenName', 'gender', 'validity', 'back', 'hand'])
    const message = mismatchMessage(mismatches)
    expect(message).toContain('given name (exact rule), gender (code rule), validity (date rule), back image (image rule), hand-held image (image rule)')
    expect(message).not.toContain('小红')
  })

  it('treats swapped surname and given name as two mismatches', () => {
    expect(fieldsOf(sent, exactEcho({ surname: '小明', givenName: '王' }))).toEqual(['surname', 'givenName'])
  })

  it('counts a field the platform dropped as a mismatch', () => {
    expect(fieldsOf(sent, exactEcho({ documentNumber: null, chineseMainland: null }))).toEqual(['documentNumber', 'chineseMainland'])
  })
})

describe('reconciliation rules', () => {
  it('date: a date, a date-time at midnight and epoch milliseconds of that midnight are one day', () => {
    const dated: SentRecord = { ...sent, identity: { ...identity, validity: { kind: 'until', expiryDate: '2031-01-01' } } }
    for (const birthday of ['1949-12-31', '1949-12-31 00:00:00', '1949-12-31T00:00:00.000+08:00', beijingMidnight('1949-12-31'), Date.UTC(1949, 11, 31), String(beijingMidnight('1949-12-31'))]) {
      expect(fieldsOf(dated, exactEcho({ birthday, longTerm: 0, expiryDate: '2031-01-01 00:00:00' })), String(birthday)).toEqual([])
    }
    for (const birthday of ['1949-12-30', '1949-12-31 08:30:00', beijingMidnight('1949-12-30'), beijingMidnight('1949-12-31') + 1, '31/12/1949']) {
      expect(fieldsOf(dated, exactEcho({ birthday, longTerm: 0, expiryDate: '2031-01-01' })), String(birthday)).toEqual(['birthday'])
    }
    expect(fieldsOf(dated, exactEcho({ longTerm: '0', expiryDate: beijingMidnight('2031-01-02') }))).toEqual(['validity'])
  })

  it('masked: the visible characters must agree, in place, with at least four showing', () => {
    for (const documentNumber of ['110105********002X', '110105••••••••002x', '1101**002X', '11010519491231002x']) {
      expect(fieldsOf(sent, exactEcho({ documentNumber })), documentNumber).toEqual([])
    }
    for (const documentNumber of ['110106********002X', '110105********003X', '******************', '1*******************X', '11010519491231003X']) {
      expect(fieldsOf(sent, exactEcho({ documentNumber })), documentNumber).toEqual(['documentNumber'])
    }
  })

  it('image: our key or a URL whose path ends with it, query ignored; not another key', () => {
    const cdn = (key: string) => `https://kyc-bucket.oss-cn-hangzhou.aliyuncs.com/${key}?Expires=1700000000&Signature=abc%2F`
    expect(fieldsOf(sent, exactEcho({ images: { front: cdn(references.front), back: references.back, hand: cdn(references.hand) } }))).toEqual([])
    expect(fieldsOf(sent, exactEcho({ images: { ...references, front: cdn('kyc/1/b/front-1.jpg') } }))).toEqual(['front'])
    expect(fieldsOf(sent, exactEcho({ images: { ...references, front: `https://cdn.example/x${references.front}` } }))).toEqual(['front'])
  })

  it('code: 1 and "1" are one code, gender also by name; 3 is none of them', () => {
    expect(fieldsOf(sent, exactEcho({ gender: '2', chineseMainland: '1', longTerm: '1' }))).toEqual([])
    expect(fieldsOf(sent, exactEcho({ gender: '女' }))).toEqual([])
    expect(fieldsOf(sent, exactEcho({ gender: 'female' }))).toEqual([])
    expect(fieldsOf(sent, exactEcho({ gender: 3, chineseMainland: '2' }))).toEqual(['gender', 'chineseMainland'])
  })

  it('exact, where configured, turns each tolerance off', () => {
    const echo = exactEcho({ documentNumber: '110105********002X', birthday: '1949-12-31 00:00:00', gender: '2', images: { ...references, front: `https://b.example/${references.front}` } })
    expect(fieldsOf(sent, echo)).toEqual([])
    expect(fieldsOf(sent, echo, exactRules)).toEqual(['documentNumber', 'birthday', 'gender', 'front'])
  })

  it('settings take, per field, exact or that field’s own tolerant rule only', () => {
    expect(reconcileRulesSchema.safeParse({ documentNumber: 'exact', surname: 'masked', birthday: 'date' }).success).toBe(true)
    expect(reconcileRulesSchema.safeParse({ birthday: 'masked' }).success).toBe(false)
    expect(reconcileRulesSchema.safeParse({ idNumber: 'exact' }).success).toBe(false)
  })
})
