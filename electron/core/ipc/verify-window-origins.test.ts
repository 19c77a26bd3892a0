import { describe, expect, it } from 'vitest'
import { isTrustedOrigin } from './trusted-origin'
import { verifyWindowOrigins } from './verify-window-origins'

describe('the counter window: the verify origin plus the configured further origins', () => {
  const origins = verifyWindowOrigins('https://verify.example.com/v/abc?x=1', ['https://h5.vendor.example', 'https://cdn.vendor.example:8443', 'javascript:alert(1)'])

  it('lists the verify page origin first, then the usable further ones', () => {
    expect(origins).toEqual(['https://verify.example.com', 'https://h5.vendor.example', 'https://cdn.vendor.example:8443'])
  })

  it('lets the face check hop across those origins and nowhere else', () => {
    expect(isTrustedOrigin('https://verify.example.com/next', origins)).toBe(true)
    expect(isTrustedOrigin('https://h5.vendor.example/face?id=1', origins)).toBe(true)
    expect(isTrustedOrigin('https://cdn.vendor.example:8443/sdk.js', origins)).toBe(true)
    for (const target of ['https://cdn.vendor.example/sdk.js', 'http://h5.vendor.example/', 'https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank']) {
      expect(isTrustedOrigin(target, origins), target).toBe(false)
    }
  })

  it('gives nothing for an unusable verify page', () => {
    expect(verifyWindowOrigins('javascript:alert(1)', ['https://h5.vendor.example'])).toEqual([])
  })
})
