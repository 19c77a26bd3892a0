import { describe, expect, it } from 'vitest'
import { createFakeElectron } from './test-support/fake-electron'
import { electronWindowPort } from './verify-window'
import { guardEveryWebContents, NavigationAllowlist } from './web-contents-guards'

const verifyUrl = 'https://h5.example.com/verify?token=abc'

function openPort() {
  const fake = createFakeElectron({ isPackaged: true, appPath: '/opt/kyc-desk/resources/app.asar', userData: '/tmp/u', documents: '/tmp/d' })
  const allowlist = new NavigationAllowlist()
  guardEveryWebContents(fake.app, allowlist)
  return { fake, port: electronWindowPort(fake.electron, allowlist, 7) }
}

describe('the verify window at the counter', () => {
  it('opens the verify page without preload or DevTools, in a fresh partition per window', async () => {
    const { fake, port } = openPort()
    await port.openVerifyWindow(verifyUrl, ['https://h5.example.com'])
    await port.openVerifyWindow(verifyUrl, ['https://h5.example.com'])
    const [first, second] = fake.windows
    expect(first?.loadedUrl).toBe(verifyUrl)
    expect(first?.options.webPreferences).toMatchObject({ sandbox: true, devTools: false, partition: 'verify-7-1' })
    expect(first?.options.webPreferences?.preload).toBeUndefined()
    expect(second?.options.webPreferences?.partition).toBe('verify-7-2')
  })

  it('grants the camera to the verify origin only and refuses every download', async () => {
    const { fake, port } = openPort()
    await port.openVerifyWindow(verifyUrl, ['https://h5.example.com'])
    const ses = fake.partitions.get('verify-7-1')
    expect(ses?.request('media', { requestingUrl: 'https://h5.example.com/step2', mediaTypes: ['video'] })).toBe(true)
    expect(ses?.request('media', { requestingUrl: 'app://kyc-desk/index.html', mediaTypes: ['video'] })).toBe(false)
    expect(ses?.request('media', { requestingUrl: 'https://h5.example.com/', mediaTypes: ['audio'] })).toBe(false)
    expect(ses?.download()).toBe(false)
  })

  it('lets a face check span the further origins IT configured, and no others', async () => {
    const { fake, port } = openPort()
    await port.openVerifyWindow(verifyUrl, ['https://h5.example.com', 'https://face.vendor.example', 'https://cdn.vendor.example:8443'])
    const contents = fake.windows[0]?.webContents
    expect(contents?.tryNavigate('will-redirect', 'https://face.vendor.example/liveness')).toBe(true)
    expect(contents?.tryNavigate('will-frame-navigate', 'https://cdn.vendor.example:8443/sdk.html')).toBe(true)
    expect(contents?.tryNavigate('will-navigate', 'https://cdn.vendor.example/sdk.html')).toBe(false)
    expect(fake.partitions.get('verify-7-1')?.request('media', { requestingUrl: 'https://face.vendor.example/liveness', mediaTypes: ['video'] })).toBe(true)
    expect(fake.partitions.get('verify-7-1')?.request('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(false)
  })

  it('keeps the page on its origin and denies popups, and clears its storage when closed', async () => {
    const { fake, port } = openPort()
    await port.openVerifyWindow(verifyUrl, ['https://h5.example.com'])
    const window = fake.windows[0]
    const contents = window?.webContents
    expect(contents?.tryNavigate('will-navigate', 'https://h5.example.com/done')).toBe(true)
    expect(contents?.tryNavigate('will-redirect', 'https://evil.example/')).toBe(false)
    expect(contents?.tryNavigate('will-frame-navigate', 'app://kyc-desk/index.html')).toBe(false)
    expect(contents?.windowOpenHandler?.()).toEqual({ action: 'deny' })
    window?.listeners.emit('closed')
    expect(fake.partitions.get('verify-7-1')?.cleared).toBe(1)
  })

  it('refuses a verify URL with no web origin', async () => {
    const { fake, port } = openPort()
    await expect(port.openVerifyWindow('javascript:alert(1)', [])).rejects.toThrow()
    expect(fake.windows).toHaveLength(0)
  })
})
