import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'

/**
 * The preferences every kyc-desk window shares. Each is spelled out, even where it matches
 * Electron's default, so a change of default cannot loosen it silently (unit-tested).
 */
const hardenedWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  enableBlinkFeatures: '',
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const satisfies WebPreferences

/** The main window: the app's own pages, with the preload that exposes `window.kyc`. */
export function mainWindowOptions(preloadPath: string, options: { devTools: boolean } = { devTools: false }): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    title: 'kyc-desk',
    backgroundColor: '#f5f7fa',
    autoHideMenuBar: true,
    // DevTools only while developing: at a counter they would let anyone poke at the renderer.
    webPreferences: { ...hardenedWebPreferences, preload: preloadPath, spellcheck: false, devTools: options.devTools },
  }
}

/**
 * The liveness window shows the platform's verify page for the customer at the counter: remote
 * content, so no preload, its own partition, and no Node or bridge of any kind.
 */
export function verifyWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return {
    width: 480,
    height: 800,
    title: '真人核验 · Face check',
    autoHideMenuBar: true,
    // No DevTools on a page the customer uses at the counter, in any build.
    webPreferences: { ...hardenedWebPreferences, partition, devTools: false },
  }
}
