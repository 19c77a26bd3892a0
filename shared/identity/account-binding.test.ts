import { describe, expect, it } from 'vitest'
import { parseAccountBinding, parseTypedBinding, type BindingParse } from './account-binding'

const codes = (result: BindingParse) => (result.ok ? [] : result.issues.map((i) => i.code))

describe('parseAccountBinding', () => {
  it('reads JSON with the uid as a string, and remembers the source', () => {
    expect(parseAccountBinding('{"uid":"1234567890","token":"tk_abc"}')).toEqual({
      ok: true,
      binding: { uid: '1234567890', token: 'tk_abc' },
      source: 'json',
    })
  })

  it('keeps every digit of a 19-digit uid written as a bare JSON number', () => {
    // JSON.parse would make this 9223372036854775808 (the nearest double).
    const result = parseAccountBinding('{ "token": "t0k", "uid": 9223372036854775807 }\r\n')
    expect(result).toMatchObject({ ok: true, binding: { uid: '9223372036854775807', token: 't0k' } })
    expect(parseAccountBinding('{"uid":9007199254740993123,"token":"x"}')).toMatchObject({
      ok: true,
      binding: { uid: '9007199254740993123' },
    })
  })

  it('finds uid and token beside nested values and escaped quotes', () => {
    const text = '{"meta":{"uid":1,"list":[1,{"token":"no"}]},"note":"a \\"uid\\": 5","uid":42,"token":"t"}'
    expect(parseAccountBinding(text)).toMatchObject({ ok: true, binding: { uid: '42', token: 't' } })
  })

  it('refuses numbers that are not whole, out of range, or have a leading zero', () => {
    expect(codes(parseAccountBinding('{"uid":1.5e18,"token":"t"}'))).toEqual(['uid.not-whole-number'])
    expect(codes(parseAccountBinding('{"uid":9223372036854775808,"token":"t"}'))).toEqual(['uid.out-of-range'])
    expect(codes(parseAccountBinding('{"uid":"0123","token":"t"}'))).toEqual(['uid.leading-zero'])
    expect(codes(parseAccountBinding('{"uid":"12345678901234567890","token":"t"}'))).toEqual(['uid.too-long'])
    expect(codes(parseAccountBinding('{"uid":-5,"token":"t"}'))).toEqual(['uid.characters'])
    expect(codes(parseAccountBinding('{"uid":true,"token":"t"}'))).toEqual(['uid.wrong-type'])
  })

  it('reports every missing or wrong member at once', () => {
    expect(codes(parseAccountBinding('{}'))).toEqual(['uid.missing', 'token.missing'])
    expect(codes(parseAccountBinding('{"uid":"12a","token":42}'))).toEqual(['uid.characters', 'token.wrong-type'])
    expect(codes(parseAccountBinding('{"uid":"1","token":"a b"}'))).toEqual(['token.characters'])
    expect(codes(parseAccountBinding(`{"uid":"1","token":"${'x'.repeat(513)}"}`))).toEqual(['token.too-long'])
  })

  it('refuses malformed or ambiguous JSON', () => {
    expect(codes(parseAccountBinding('{"uid":"1","token":"t"'))).toEqual(['binding.json-invalid'])
    expect(codes(parseAccountBinding('{"uid":"1","uid":"2","token":"t"}'))).toEqual(['binding.duplicate'])
  })

  it('reads kyc://bind links, case-insensitive scheme, percent-decoded, plus kept as plus', () => {
    expect(parseAccountBinding('kyc://bind?uid=9223372036854775807&token=ab%2Fc+d%3D')).toEqual({
      ok: true,
      binding: { uid: '9223372036854775807', token: 'ab/c+d=' },
      source: 'uri',
    })
    expect(parseAccountBinding('KYC://Bind/?token=t&uid=7&extra=1')).toMatchObject({ ok: true, binding: { uid: '7', token: 't' } })
  })

  it('refuses broken links', () => {
    expect(codes(parseAccountBinding('kyc://other?uid=1&token=t'))).toEqual(['binding.uri-invalid'])
    expect(codes(parseAccountBinding('kyc://bind?uid=1&token=%E0%A4'))).toEqual(['binding.uri-invalid'])
    expect(codes(parseAccountBinding('kyc://bind?uid=1&uid=2&token=t'))).toEqual(['binding.duplicate'])
    expect(codes(parseAccountBinding('kyc://bind?uid=&token=t'))).toEqual(['uid.missing'])
  })

  it('explains empty input, unknown text and a Chinese IME left on', () => {
    expect(codes(parseAccountBinding(' \r\n'))).toEqual(['binding.empty'])
    expect(codes(parseAccountBinding('hello'))).toEqual(['binding.unrecognized'])
    expect(codes(parseAccountBinding('｛“uid”：“1”'))).toEqual(['binding.full-width'])
  })
})

describe('parseTypedBinding', () => {
  it('trims, reads full-width digits as digits, and keeps 19 digits', () => {
    expect(parseTypedBinding(' ９２２３３７２０３６８５４７７５８０７ ', ' tk ')).toEqual({
      ok: true,
      binding: { uid: '9223372036854775807', token: 'tk' },
      source: 'typed',
    })
  })

  it('reports both fields when both are missing', () => {
    expect(codes(parseTypedBinding('', null))).toEqual(['uid.missing', 'token.missing'])
  })
})
