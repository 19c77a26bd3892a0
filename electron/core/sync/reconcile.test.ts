import { describe, expect, it } from 'vitest'
import type { IdentityData } from '../../../shared/domain/identity'
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
const sent: SentRecord = { identity, references }

function exactEcho(over: Partial<PlatformEcho> = {}): PlatformEcho {
  return {
    country: 'CHN',
    surname: '王',
    givenName: '小明',
    documentNumber: '11010519491231002X',
    birthday: '1949-12-31',
    gender: 'female',
    chineseMainland: true,
    issueDate: '2015-06-01',
    longTerm: true,
    expiryDate: '',
    images: { ...references },
    ...over,
  }
}

describe('reconcile', () => {
  it('finds nothing when the platform holds exactly what was sent', () => {
    expect(findMismatches(sent, exactEcho())).toEqual([])
  })

  it('reads the wire echo (surname as firstName, flags as integers) into the same comparison', () => {
    const echo = echoFromAuthInfo({
      country: 'CHN',
      firstName: '王',
      secondName: '小明',
      idNumber: '11010519491231002x',
      birthday: '1949-12-31',
      gender: 2,
      isChina: 1,
      singnTime: '2015-06-01',
      outofTime: '',
      isAllTime: 1,
      positiveImages: references.front,
      oppositeImages: references.back,
      handImages: references.hand,
    })
    expect(findMismatches(sent, echo)).toEqual([])
  })

  it('names every differing field in form order, and no values', () => {
    const echo = exactEcho({
      givenName: '小红',
      gender: 'male',
      longTerm: false,
      expiryDate: '2030-01-01',
      images: { ...references, back: 'kyc/1/a/back-other.jpg', hand: null },
    })
    const fields = findMismatches(sent, echo)
    expect(fields).toEqual(['givenName', 'gender', 'validity', 'back', 'hand'])
    const message = mismatchMessage(fields)
    expect(message).toContain('given name, gender, validity, back image, hand-held image')
    expect(message).not.toContain('小红')
  })

  it('treats swapped surname and given name as two mismatches', () => {
    expect(findMismatches(sent, exactEcho({ surname: '小明', givenName: '王' }))).toEqual(['surname', 'givenName'])
  })

  it('compares an expiry date for a document with one', () => {
    const dated: SentRecord = { identity: { ...identity, validity: { kind: 'until', expiryDate: '2031-01-01' } }, references }
    expect(findMismatches(dated, exactEcho({ longTerm: false, expiryDate: '2031-01-01' }))).toEqual([])
    expect(findMismatches(dated, exactEcho({ longTerm: false, expiryDate: '2031-01-02' }))).toEqual(['validity'])
  })

  it('accepts an image echoed as a URL of the key that was sent, but not of another key', () => {
    const url = (key: string) => `https://bucket.oss.example.com/${key}`
    expect(findMismatches(sent, exactEcho({ images: { front: url(references.front), back: references.back, hand: references.hand } }))).toEqual([])
    expect(findMismatches(sent, exactEcho({ images: { ...references, front: url('kyc/1/b/front-1.jpg') } }))).toEqual(['front'])
  })

  it('counts a field the platform dropped as a mismatch', () => {
    expect(findMismatches(sent, exactEcho({ documentNumber: null, chineseMainland: null }))).toEqual(['documentNumber', 'chineseMainland'])
  })
})
