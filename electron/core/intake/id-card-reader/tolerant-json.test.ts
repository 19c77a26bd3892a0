import { describe, expect, it } from 'vitest'
import { parseTolerantJson } from './tolerant-json'

describe('parseTolerantJson', () => {
  it('parses valid JSON as it is, escapes included', () => {
    expect(parseTolerantJson('{"a":"C:\\\\x","b":"\\u4e2d\\n"}')).toEqual({ a: 'C:\\x', b: '中\n' })
  })

  it('repairs ZKIDROnline bodies: bare backslashes in a path and no comma before CardType', () => {
    const body = '{"ret":0,"Certificate":{"Name":"李明","PhotoName":"C:\\zkid\\photo\\1.bmp""CardType":""}}'
    expect(() => JSON.parse(body)).toThrow()
    expect(parseTolerantJson(body)).toEqual({ ret: 0, Certificate: { Name: '李明', PhotoName: 'C:\\zkid\\photo\\1.bmp', CardType: '' } })
  })

  it('repairs a missing comma after a number or an object too', () => {
    expect(parseTolerantJson('{"ret":0 "Certificate":{"IDNumber":"1"} "x":true}')).toEqual({ ret: 0, Certificate: { IDNumber: '1' }, x: true })
  })

  it('still throws on a body that is not JSON at all', () => {
    expect(() => parseTolerantJson('{"resultFlag":0,"partyName":"欧')).toThrow()
  })
})
