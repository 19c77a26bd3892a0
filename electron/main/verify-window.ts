import { BrowserWindow, session } from 'electron'
import type { WindowPort } from '../core/app/ui-ports'
import { isTrustedOrigin, originOf } from '../core/ipc/trusted-origin'
import { denyWindowOpen } from './navigation-guards'
import { isPermissionGranted } from './permissions'
import { verifyWindowOptions } from './window-options'

let opened = 0

/**
 * Opens the platform's verify page for the customer at the counter: remote content in its own
 * window with no preload and its own in-memory partition (a fresh one per window, so nothing of
 * one customer's session is left for the next), the camera granted to that page's origin only,
 * navigation kept to that origin, and no popups.
 */
export function electronWindowPort(): WindowPort {
  return {
    async openVerifyWindow(url) {
      const origin = originOf(url)
      if (origin === null) throw new Error('The verify page has no web origin')
      opened += 1
      const partition = `verify-${process.pid}-${opened}`
      const ses = session.fromPartition(partition)
      ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
        const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : []
        callback(isPermissionGranted({ permission, requestingUrl: details.requestingUrl, mediaTypes }, [origin]))
      })
      ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
        isPermissionGranted({ permission, requestingUrl: requestingOrigin, mediaTypes: details.mediaType ? [details.mediaType] : [] }, [origin]),
      )
      const window = new BrowserWindow(verifyWindowOptions(partition))
      window.webContents.setWindowOpenHandler(denyWindowOpen)
      // The page stays on the platform's verify origin: links, server redirects and subframes alike.
      const keepOrigin = (event: { preventDefault(): void }, target: string): void => {
        if (!isTrustedOrigin(target, [origin])) event.preventDefault()
      }
      window.webContents.on('will-navigate', (event, target) => keepOrigin(event, target))
      window.webContents.on('will-redirect', (event, target) => keepOrigin(event, target))
      window.webContents.on('will-frame-navigate', (event) => keepOrigin(event, event.url))
      window.webContents.on('will-attach-webview', (event) => event.preventDefault())
      window.on('closed', () => void ses.clearStorageData())
      await window.loadURL(url)
    },
  }
}
