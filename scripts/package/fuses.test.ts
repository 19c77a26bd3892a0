import { describe, expect, it } from 'vitest'
import { kycDeskFuses } from './fuses'

describe('Electron fuses', () => {
  it('turns off running as Node and every way to inject code into main', () => {
    expect(kycDeskFuses.runAsNode).toBe(false)
    expect(kycDeskFuses.enableNodeOptionsEnvironmentVariable).toBe(false)
    expect(kycDeskFuses.enableNodeCliInspectArguments).toBe(false)
  })
  it('loads the app only from an integrity-checked asar, with encrypted cookies', () => {
    expect(kycDeskFuses.onlyLoadAppFromAsar).toBe(true)
    expect(kycDeskFuses.enableEmbeddedAsarIntegrityValidation).toBe(true)
    expect(kycDeskFuses.enableCookieEncryption).toBe(true)
  })
  it('gives file:// no extra privileges', () => {
    expect(kycDeskFuses.grantFileProtocolExtraPrivileges).toBe(false)
  })
})
