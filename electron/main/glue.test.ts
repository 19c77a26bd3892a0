import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { channelNames } from '../../shared/contract/names'
import type { HandlerTable } from '../core/ipc/handler-table'
import { originSenderPolicy } from '../core/ipc/sender-policy'
import { createLogger } from '../core/log/logger'
import { Redactor } from '../core/log/redact'
import { appOrigin, resolveAppAsset } from './app-protocol'
import { applicationMenu } from './application-menu'
import { contentSecurityPolicy } from './content-security-policy'
import type { MainIpc } from './electron-modules'
import { registerIpc, senderUrlOf } from './ipc-registration'
import { denyWindowOpen } from './navigation-guards'
import { FakeWebContents } from './test-support/fake-electron'
import { guardWebContents, NavigationAllowlist } from './web-contents-guards'
import { isPermissionGranted } from './permissions'
import { mainWindowOptions, verifyWindowOptions } from './window-options'

describe('main window options', () => {
  const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences ?? {}
  it('isolates and sandboxes the renderer with no Node', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
  })
  it('keeps web security on and experimental features, webviews and insecure content off', () => {
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.enableBlinkFeatures).toBe('')
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.navigateOnDragDrop).toBe(false)
  })
  it('loads the preload it was given', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
  })
  it('has no DevTools unless asked for (development only)', () => {
    expect(prefs.devTools).toBe(false)
    expect(mainWindowOptions('/p.cjs', { devTools: true }).webPreferences?.devTools).toBe(true)
  })
  it('gives the verify window no preload, no DevTools and its own partition', () => {
    const verify = verifyWindowOptions('verify-session').webPreferences ?? {}
    expect(verify.preload).toBeUndefined()
    expect(verify.devTools).toBe(false)
    expect(verify.partition).toBe('verify-session')
    expect(verify.sandbox).toBe(true)
    expect(verify.nodeIntegration).toBe(false)
    expect(verify.contextIsolation).toBe(true)
  })
})

describe('content security policy', () => {
  const csp = contentSecurityPolicy()
  const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `))
  it('allows only the app itself to run scripts, with no eval or inline script', () => {
    expect(directive('script-src')).toBe("script-src 'self'")
    expect(csp).not.toContain('unsafe-eval')
  })
  it('denies by default and forbids objects, frames, base and form targets', () => {
    expect(directive('default-src')).toBe("default-src 'none'")
    for (const d of ['object-src', 'frame-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(directive(d)).toBe(`${d} 'none'`)
    }
  })
  it('lets the renderer reach no network but its own origin', () => {
    expect(directive('connect-src')).toBe("connect-src 'self'")
  })
  it('adds only the dev server in development', () => {
    const dev = contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' })
    expect(dev).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173")
    expect(dev).not.toContain('unsafe-eval')
  })
})

describe('navigation and window-open guards (every web contents)', () => {
  function guarded(origins: readonly string[] | null) {
    const contents = new FakeWebContents()
    const allowlist = new NavigationAllowlist()
    guardWebContents(contents, allowlist)
    if (origins) allowlist.allow(contents, origins)
    return contents
  }
  it('keeps the main window on the app origin: links, redirects and subframes', () => {
    const main = guarded([appOrigin])
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const) {
      expect(main.tryNavigate(event, `${appOrigin}/index.html#/queue`)).toBe(true)
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other-host/index.html', 'app://kyc-desk.evil/', 'data:text/html,x', 'not a url']) {
        expect(main.tryNavigate(event, url), `${event} ${url}`).toBe(false)
      }
    }
  })
  it('lets a web contents nobody registered navigate nowhere', () => {
    const stray = guarded(null)
    expect(stray.tryNavigate('will-navigate', `${appOrigin}/index.html`)).toBe(false)
  })
  it('denies every window.open and every webview', () => {
    const contents = guarded([appOrigin])
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' })
    expect(denyWindowOpen()).toEqual({ action: 'deny' })
    let prevented = false
    contents.listeners.emit('will-attach-webview', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
  })
})

describe('permission requests', () => {
  const origins = [appOrigin, 'http://127.0.0.1:48700']
  it('grants the camera to the app and the verify page origin', () => {
    expect(isPermissionGranted({ permission: 'media', requestingUrl: `${appOrigin}/index.html`, mediaTypes: ['video'] }, origins)).toBe(true)
    expect(isPermissionGranted({ permission: 'media', requestingUrl: 'http://127.0.0.1:48700/verify/x', mediaTypes: ['video'] }, origins)).toBe(true)
  })
  it('denies the microphone, other origins and every other permission', () => {
    expect(isPermissionGranted({ permission: 'media', requestingUrl: `${appOrigin}/`, mediaTypes: ['video', 'audio'] }, origins)).toBe(false)
    expect(isPermissionGranted({ permission: 'media', requestingUrl: 'https://evil.example/', mediaTypes: ['video'] }, origins)).toBe(false)
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'usb', 'openExternal', 'fullscreen']) {
      expect(isPermissionGranted({ permission, requestingUrl: `${appOrigin}/` }, origins)).toBe(false)
    }
  })
})

describe('app protocol', () => {
  const root = '/srv/app/out/renderer'
  it('serves files under the renderer folder', () => {
    expect(resolveAppAsset(`${appOrigin}/`, root)).toBe(`${root}/index.html`)
    expect(resolveAppAsset(`${appOrigin}/assets/index-1.js`, root)).toBe(`${root}/assets/index-1.js`)
  })
  it('refuses traversal, other hosts and other schemes', () => {
    expect(resolveAppAsset(`${appOrigin}/..%2F..%2Fetc%2Fpasswd`, root)).toBeNull()
    expect(resolveAppAsset(`${appOrigin}/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret`, root)).toBeNull()
    // Dot segments the URL parser resolves itself stay inside the folder.
    expect(resolveAppAsset(`${appOrigin}/assets/%2e%2e/%2e%2e/secret`, root)).toBe(`${root}/secret`)
    expect(resolveAppAsset('app://elsewhere/index.html', root)).toBeNull()
    expect(resolveAppAsset('file:///srv/app/out/renderer/index.html', root)).toBeNull()
  })
})

describe('IPC registration', () => {
  function fakeIpc() {
    const handlers = new Map<string, Parameters<MainIpc['handle']>[1]>()
    const ipc: MainIpc = {
      handle: (channel, listener) => {
        if (handlers.has(channel)) throw new Error(`registered twice: ${channel}`)
        handlers.set(channel, listener)
      },
      removeHandler: (channel) => void handlers.delete(channel),
    }
    return { handlers, ipc }
  }
  const table = new Proxy({} as HandlerTable, { get: () => async () => ({}) })
  const log = createLogger({ redactor: new Redactor() })

  it('registers every contract channel and no other, and removes them all', () => {
    const { handlers, ipc } = fakeIpc()
    const unregister = registerIpc(ipc, table, originSenderPolicy([appOrigin]), log)
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort())
    unregister()
    expect(handlers.size).toBe(0)
  })

  it('refuses a call from a frame outside the app origin', async () => {
    const { handlers, ipc } = fakeIpc()
    registerIpc(ipc, table, originSenderPolicy([appOrigin]), log)
    const call = handlers.get('app:info')
    const result = await call?.({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN_SENDER' }) })
  })

  it('speaks only for top-level frames: a subframe, even on the app origin, or no frame is refused', () => {
    expect(senderUrlOf({ senderFrame: { url: `${appOrigin}/index.html`, parent: null } })).toBe(`${appOrigin}/index.html`)
    expect(senderUrlOf({ senderFrame: { url: `${appOrigin}/index.html`, parent: {} } })).toBe('')
    expect(senderUrlOf({ senderFrame: null })).toBe('')
  })
})

describe('application menu', () => {
  const menu = { buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }) }
  type Built = { template: MenuItemConstructorOptions[] }
  const roles = (built: Built | null) => built?.template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu.map((i) => i.role ?? i.type) : []))
  it('has none on Windows and Linux, so nothing offers DevTools or reload', () => {
    expect(applicationMenu(menu, 'win32', 'zh-CN')).toBeNull()
    expect(applicationMenu(menu, 'linux', 'zh-CN')).toBeNull()
  })
  it('keeps only an app and an edit menu on macOS (copy and paste), with no View, Window or Help', () => {
    const built = applicationMenu(menu, 'darwin', 'zh-CN') as Built | null
    expect(built?.template.map((m) => m.label)).toEqual(['kyc-desk', '编辑'])
    expect(roles(built)).toEqual(['about', 'separator', 'hide', 'hideOthers', 'unhide', 'separator', 'quit', 'undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'selectAll'])
    expect(JSON.stringify(built)).not.toMatch(/toggleDevTools|reload|help/i)
  })
  it('speaks the system language', () => {
    const zh = applicationMenu(menu, 'darwin', 'zh-Hans-CN') as Built | null
    const en = applicationMenu(menu, 'darwin', 'en-US') as Built | null
    expect(JSON.stringify(zh)).toContain('粘贴')
    expect(JSON.stringify(en)).toContain('Paste')
  })
})
