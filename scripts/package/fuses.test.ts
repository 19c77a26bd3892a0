import { FuseV1Options } from '@electron/fuses'
import { describe, expect, it } from 'vitest'
import { kycDeskFuses } from './fuses'

describe('Electron fuses', () => {
  it('turns off running as Node and every way to inject code into main', () => {
    expect(kycDeskFuses[FuseV1Options.RunAsNode]).toBe(false)
    expect(kycDeskFuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false)
    expect(kycDeskFuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false)
  })
  it('loads the app only from an integrity-checked asar, with encrypted cookies', () => {
    expect(kycDeskFuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
    expect(kycDeskFuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true)
    expect(kycDeskFuses[FuseV1Options.EnableCookieEncryption]).toBe(true)
  })
  it('gives file:// no extra privileges', () => {
    expect(kycDeskFuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false)
  })
})
