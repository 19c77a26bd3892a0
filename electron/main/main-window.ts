import type { EventBus } from '../core/events/event-bus'
import type { MainBrowserWindow, MainBrowserWindowClass } from './electron-modules'
import { forwardEvents } from './forward-events'
import type { NavigationAllowlist } from './web-contents-guards'
import { mainWindowOptions } from './window-options'

export interface MainWindowSetup {
  readonly preloadPath: string
  /** `app://kyc-desk/index.html`, or the dev server's URL in a development build. */
  readonly url: string
  readonly origin: string
  readonly devTools: boolean
}

/** The operator's window: hardened options, kept to the app's origin, with the core's events. */
export function createMainWindow(BrowserWindow: MainBrowserWindowClass, setup: MainWindowSetup, events: EventBus, allowlist: NavigationAllowlist): MainBrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(setup.preloadPath, { devTools: setup.devTools }))
  allowlist.allow(window.webContents, [setup.origin])
  window.once('ready-to-show', () => window.show())
  const stopForwarding = forwardEvents(events, (channel, payload) => {
    if (!window.isDestroyed()) window.webContents.send(channel, payload)
  })
  window.on('closed', stopForwarding)
  void window.loadURL(setup.url)
  return window
}
