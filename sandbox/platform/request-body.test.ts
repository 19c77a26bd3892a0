import { describe, expect, it } from 'vitest'
import { MalformedBodyError, parseFormParams, parseJsonParams, quoteUidNumbers } from './request-body'

describe('request bodies', () => {
  it('keeps every digit of an unquoted uid above 2^53', () => {
    expect(parseJsonParams('{"uid": 9007199254740993, "token":"t"}')).toEqual({ uid: '9007199254740993', token: 't' })
    expect(parseJsonParams('{"token":"t","uid":9223372036854775807}')['uid']).toBe('9223372036854775807')
  })

  it('leaves other numbers and text inside strings alone', () => {
    expect(quoteUidNumbers('{"note":"\\"uid\\": 12345678901234567890","step":2,"uid":"7"}')).toBe(
      '{"note":"\\"uid\\": 12345678901234567890","step":2,"uid":"7"}',
    )
    expect(parseJsonParams('{"gender": 1, "uids": 5}')).toEqual({ gender: 1, uids: 5 })
    expect(parseJsonParams('{"\\u0075id": 12345678901234567891}')['uid']).toBe('12345678901234567891')
  })

  it('refuses what is not a JSON object', () => {
    for (const text of ['', '[1,2]', '"uid"', 'null', '{"uid": 1', '{uid: 1}']) {
      expect(() => parseJsonParams(text)).toThrow(MalformedBodyError)
    }
  })

  it('reads forms with the first value of a repeated name', () => {
    expect(parseFormParams('uid=12&token=a%2Bb&firstName=%E5%BC%A0&uid=99')).toEqual({ uid: '12', token: 'a+b', firstName: '张' })
  })
})
