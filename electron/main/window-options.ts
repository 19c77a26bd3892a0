import type { BrowserWindowConstructorOptions } from 'electron'

/**
 * The main window's options. Every security-relevant preference is spelled out, even where it
 * matches Electron's default, so a change of default cannot loosen it silently (unit-tested).
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    title: 'kyc-desk',
    backgroundColor: '#f5f7fa',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
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
      spellcheck: false,
      devTools: true,
      safeDialogs: true,
    },
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
    title: 'Real-person verification',
    autoHideMenuBar: true,
    webPreferences: {
      partition,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  }
}
