import { describe, expect, it } from 'vitest'
import { isTrustedOrigin, originOf } from './trusted-origin'

// The values production uses: the packaged renderer's origin and the dev server's.
const appOrigin = 'app://kyc-desk'
const devServer = 'http://localhost:5173'

describe('the one origin rule', () => {
  it('gives the app scheme its own origin instead of the opaque "null"', () => {
    const parsed = new URL(`${appOrigin}/index.html`)
    expect(parsed.origin).toBe('null')
    expect(originOf(`${appOrigin}/index.html#/queue`)).toBe(appOrigin)
    expect(originOf(appOrigin)).toBe(appOrigin)
  })

  it('trusts the packaged renderer at app://kyc-desk', () => {
    expect(isTrustedOrigin(`${appOrigin}/index.html`, [appOrigin])).toBe(true)
    expect(isTrustedOrigin(`${appOrigin}/`, [appOrigin])).toBe(true)
    expect(isTrustedOrigin(`${appOrigin}/assets/index-1.js?x=1`, [appOrigin])).toBe(true)
  })

  it('refuses another app host, a look-alike host and a host with credentials', () => {
    expect(isTrustedOrigin('app://other/index.html', [appOrigin])).toBe(false)
    expect(isTrustedOrigin('app://kyc-desk.evil/index.html', [appOrigin])).toBe(false)
    expect(isTrustedOrigin('app://evil@kyc-desk/index.html', [appOrigin])).toBe(false)
    expect(isTrustedOrigin('app://kyc-desk:8080/index.html', [appOrigin])).toBe(false)
  })

  it('refuses opaque and local origins: null, data:, file:, blob:, about:blank, javascript:', () => {
    for (const url of ['null', '', 'data:text/html,<script>1</script>', 'file:///etc/passwd', `blob:${appOrigin}/0f1e`, 'blob:http://localhost:5173/0f1e', 'about:blank', 'javascript:alert(1)', 'not a url']) {
      expect(isTrustedOrigin(url, [appOrigin, devServer]), url).toBe(false)
      expect(originOf(url), url).toBeNull()
    }
  })

  it('trusts the dev server only when it is in the list, and only on its own port', () => {
    expect(isTrustedOrigin(`${devServer}/#/capture`, [appOrigin])).toBe(false)
    expect(isTrustedOrigin(`${devServer}/#/capture`, [devServer])).toBe(true)
    expect(isTrustedOrigin('http://localhost:5174/', [devServer])).toBe(false)
    expect(isTrustedOrigin('https://localhost:5173/', [devServer])).toBe(false)
  })

  it('refuses an iframe of another origin', () => {
    expect(isTrustedOrigin('https://h5.example.com/frame.html', [appOrigin])).toBe(false)
    expect(isTrustedOrigin('http://127.0.0.1:48700/verify/abc', [appOrigin])).toBe(false)
  })
})
