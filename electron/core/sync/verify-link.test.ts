import { describe, expect, it } from 'vitest'
import { isAllowedVerifyUrl, verifyLinkFor, type VerifyLinkPolicy } from './verify-link'

const live: VerifyLinkPolicy = { urlTemplate: '', trainingMode: false, source: 1 }

describe('verify URLs (issue 17, finding 8)', () => {
  it('accepts https only outside training', () => {
    expect(isAllowedVerifyUrl('https://h5.example.com/verify/abc', false)).toBe(true)
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'http://h5.example.com/v', 'http://127.0.0.1:17301/verify/x', 'https://user:pw@h5.example.com/v', 'not a url']) {
      expect(isAllowedVerifyUrl(url, false), url).toBe(false)
    }
  })

  it('accepts plain http to this machine in training, and nothing else new', () => {
    expect(isAllowedVerifyUrl('http://127.0.0.1:17301/verify/x', true)).toBe(true)
    expect(isAllowedVerifyUrl('http://localhost:17301/verify/x', true)).toBe(true)
    expect(isAllowedVerifyUrl('http://10.0.0.5/verify/x', true)).toBe(false)
    expect(isAllowedVerifyUrl('javascript:alert(1)', true)).toBe(false)
  })
})

describe('the verify link from each hand-off shape', () => {
  it('keeps the token and page of an object', () => {
    expect(verifyLinkFor({ token: 'vt', url: 'https://p.example/v/vt' }, live)).toEqual({ ok: true, verifyToken: 'vt', verifyUrl: 'https://p.example/v/vt' })
  })

  it('keeps a bare page as both the page and the secret', () => {
    expect(verifyLinkFor({ token: null, url: 'https://p.example/v/vt' }, live)).toEqual({ ok: true, verifyToken: 'https://p.example/v/vt', verifyUrl: 'https://p.example/v/vt' })
  })

  it('builds the page of a bare token from the template, the token encoded', () => {
    const policy = { ...live, urlTemplate: 'https://h5.example.com/verify?token={token}' }
    expect(verifyLinkFor({ token: 'a b&c', url: null }, policy)).toEqual({ ok: true, verifyToken: 'a b&c', verifyUrl: 'https://h5.example.com/verify?token=a%20b%26c' })
  })

  it('checks the page built from a template like any other: plain http only to this machine in training', () => {
    // The settings schema takes https templates only; this is the core's own line behind it.
    const local = { ...live, urlTemplate: 'http://127.0.0.1:17301/verify?token={token}' }
    expect(verifyLinkFor({ token: 'vt', url: null }, local)).toMatchObject({ ok: false, code: 'VERIFY_URL_REFUSED' })
    expect(verifyLinkFor({ token: 'vt', url: null }, { ...local, trainingMode: true })).toEqual({
      ok: true,
      verifyToken: 'vt',
      verifyUrl: 'http://127.0.0.1:17301/verify?token=vt',
    })
    const remote = { ...local, trainingMode: true, urlTemplate: 'http://h5.example.com/verify?token={token}' }
    expect(verifyLinkFor({ token: 'vt', url: null }, remote)).toMatchObject({ ok: false, code: 'VERIFY_URL_REFUSED' })
  })

  it('asks IT for the template when a bare token comes without one for the web, and keeps it for the app', () => {
    const refused = verifyLinkFor({ token: 'vt', url: null }, live)
    expect(refused).toMatchObject({ ok: false, code: 'VERIFY_URL_MISSING' })
    expect(refused.ok || refused.message).toContain('verify page URL template')
    expect(verifyLinkFor({ token: 'vt', url: null }, { ...live, source: 2 })).toEqual({ ok: true, verifyToken: 'vt', verifyUrl: null })
  })

  it('names the missing token when nothing was handed over', () => {
    const refused = verifyLinkFor({ token: null, url: null }, live)
    expect(refused).toMatchObject({ ok: false, code: 'VERIFY_TOKEN_MISSING' })
    expect(refused.ok || refused.message).toMatch(/without a verify token.*IT must/)
  })

  it('refuses a page that is not https, without quoting it', () => {
    const refused = verifyLinkFor({ token: 'secret-token', url: 'javascript:steal("secret-token")' }, live)
    expect(refused).toMatchObject({ ok: false, code: 'VERIFY_URL_REFUSED' })
    expect(refused.ok || refused.message).not.toContain('secret-token')
  })
})
