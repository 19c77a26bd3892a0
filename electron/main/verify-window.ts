import type { WindowPort } from '../core/ports'
import { verifyWindowOrigins } from '../core/ipc/verify-window-origins'
import type { MainBrowserWindowClass, MainSessionModule } from './electron-modules'
import { grantCameraOnly, refuseDownloads } from './session-policy'
import type { NavigationAllowlist } from './web-contents-guards'
import { verifyWindowOptions } from './window-options'

/**
 * Opens the platform's verify page for the customer at the counter: remote content in its own
 * window with no preload and its own in-memory partition (a fresh one per window, so nothing of
 * one customer's session is left for the next), the camera granted to that page's origin only,
 * navigation kept to that origin and the configured further ones (the global guard), no downloads
 * and no DevTools.
 */
export function electronWindowPort(
  electron: { readonly BrowserWindow: MainBrowserWindowClass; readonly session: MainSessionModule },
  allowlist: NavigationAllowlist,
  pid: number,
): WindowPort {
  let opened = 0
  return {
    async openVerifyWindow(url, allowedOrigins) {
      // The page's own origin first, then the further ones IT configured: the core's one rule.
      const origins = verifyWindowOrigins(url, allowedOrigins)
      if (origins.length === 0) throw new Error('The verify page has no web origin')
      opened += 1
      const partition = `verify-${pid}-${opened}`
      const ses = electron.session.fromPartition(partition)
      grantCameraOnly(ses, () => origins)
      refuseDownloads(ses)
      const window = new electron.BrowserWindow(verifyWindowOptions(partition))
      allowlist.allow(window.webContents, origins)
      window.on('closed', () => void ses.clearStorageData())
      await window.loadURL(url)
    },
  }
}
