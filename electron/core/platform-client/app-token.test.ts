import { describe, expect, it } from 'vitest'
import { readAppTokenAttachment } from './app-token'

describe('reading the /ali/appToken attachment in every documented shape', () => {
  it('finds the token and page under their usual names in an object', () => {
    expect(readAppTokenAttachment({ verifyToken: 'vt1', verifyUrl: 'https://p.example/v/vt1' })).toEqual({ token: 'vt1', url: 'https://p.example/v/vt1' })
    expect(readAppTokenAttachment({ token: 'vt2', url: 'https://p.example/v' })).toEqual({ token: 'vt2', url: 'https://p.example/v' })
    expect(readAppTokenAttachment({ certifyId: 'c3', certifyUrl: 'https://h5.example/c3' })).toEqual({ token: 'c3', url: 'https://h5.example/c3' })
    expect(readAppTokenAttachment({ certifyId: 12345 })).toEqual({ token: '12345', url: null })
  })

  it('tells a bare page URL from a bare token', () => {
    expect(readAppTokenAttachment('https://h5.example/verify?t=abc')).toEqual({ token: null, url: 'https://h5.example/verify?t=abc' })
    expect(readAppTokenAttachment('sha1d9f0a8b7c6e5')).toEqual({ token: 'sha1d9f0a8b7c6e5', url: null })
    // Still read as a page (and then refused by the liveness step), never as a token.
    expect(readAppTokenAttachment('javascript:alert(1)')).toEqual({ token: null, url: 'javascript:alert(1)' })
  })

  it('reads null, an empty string, an empty object or a stray number as nothing handed over', () => {
    for (const attachment of [null, undefined, '', '  ', {}, { verifyToken: '' }, 42, []]) {
      expect(readAppTokenAttachment(attachment)).toEqual({ token: null, url: null })
    }
  })
})
