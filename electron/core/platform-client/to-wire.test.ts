import { describe, expect, it } from 'vitest'
import type { IdentityData } from '../../../shared/domain/identity'
import { encodeBody } from './encode-body'
import { identityToWire, imageToWire } from './to-wire'

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

describe('wire mapping', () => {
  it('sends the surname as firstName and the given name as secondName, with flags as integers', () => {
    expect(identityToWire(identity)).toEqual({
      step: 1,
      country: 'CHN',
      firstName: '王',
      secondName: '小明',
      idNumber: '11010519491231002X',
      birthday: '1949-12-31',
      gender: 2,
      isChina: 1,
      singnTime: '2015-06-01',
      outofTime: '',
      isAllTime: 1,
      currentLocation: 1,
    })
  })

  it('sends an expiry date for a document with one, and currentLocation 2 for a passport', () => {
    const wire = identityToWire({ ...identity, documentType: 'passport', chineseMainland: false, validity: { kind: 'until', expiryDate: '2031-01-01' } })
    expect(wire).toMatchObject({ outofTime: '2031-01-01', isAllTime: 0, currentLocation: 2, isChina: 0 })
  })

  it('maps each image slot to its authnew step and field', () => {
    expect(imageToWire('front', 'k/f.jpg', true)).toEqual({ step: 2, positiveImages: 'k/f.jpg', isChina: 1 })
    expect(imageToWire('back', 'k/b.jpg', false)).toEqual({ step: 3, oppositeImages: 'k/b.jpg', isChina: 0 })
    expect(imageToWire('hand', 'k/h.jpg', true)).toEqual({ step: 4, handImages: 'k/h.jpg', isChina: 1 })
  })
})

describe('body encoding', () => {
  const uid = '9223372036854775807'
  it('keeps a 19-digit uid exact in JSON, as a bare number', () => {
    const { body, contentType } = encodeBody({ uid, token: 't', step: 1 }, 'json')
    expect(contentType).toContain('application/json')
    expect(body).toBe(`{"uid":${uid},"token":"t","step":1}`)
    expect(JSON.stringify(JSON.parse(body))).not.toContain(uid) // what a naive parse would do
  })
  it('form-encodes Chinese text as UTF-8', () => {
    const { body } = encodeBody({ uid, firstName: '王' }, 'form')
    expect(body).toBe(`uid=${uid}&firstName=%E7%8E%8B`)
  })
})
