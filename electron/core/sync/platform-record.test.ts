import { describe, expect, it } from 'vitest'
import { defaultReconcileRules } from '../../../shared/domain/reconcile-rules'
import type { PlatformEcho } from '../platform-client/from-wire'
import { identity } from '../queue/test-fixtures'
import { comparePlatformRecord } from './platform-record'

const references = { front: 'kyc/900/app/front-aa.jpg', back: 'kyc/900/app/back-bb.jpg', hand: 'kyc/900/app/hand-cc.jpg' }
const echo: PlatformEcho = {
  country: identity.country,
  surname: identity.surname,
  givenName: identity.givenName,
  documentNumber: identity.documentNumber,
  birthday: identity.birthday,
  gender: identity.gender === 'male' ? 1 : 2,
  chineseMainland: 1,
  issueDate: identity.issueDate,
  longTerm: 0,
  expiryDate: '2035-06-01',
  images: { front: `http://oss.example/bucket/${references.front}`, back: references.back, hand: null },
}

describe('comparePlatformRecord', () => {
  it('puts each field beside its echo, with the reconcile step’s comparison', () => {
    const record = comparePlatformRecord({ identity, references }, echo, 42, defaultReconcileRules)
    expect(record.fetchedAt).toBe(42)
    const byField = Object.fromEntries(record.rows.map((r) => [r.field, r]))
    expect(byField['surname']).toEqual({ field: 'surname', sent: '欧阳', echoed: '欧阳', match: true })
    expect(byField['validity']).toEqual({ field: 'validity', sent: '2035-06-01', echoed: '2035-06-01', match: true })
    // A URL of the object that was sent is the same image.
    expect(byField['front']).toEqual({ field: 'front', sent: 'front-aa.jpg', echoed: 'front-aa.jpg', match: true })
    expect(byField['hand']).toEqual({ field: 'hand', sent: 'hand-cc.jpg', echoed: null, match: false })
  })

  it('never shows the whole document number or the uid in an object key', () => {
    const text = JSON.stringify(comparePlatformRecord({ identity, references }, echo, 1, defaultReconcileRules))
    expect(text).not.toContain(identity.documentNumber)
    expect(text).toContain('••••002X')
    expect(text).not.toContain('kyc/900')
  })
})
