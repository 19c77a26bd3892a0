import { isTrustedOrigin } from '../core/ipc/trusted-origin'
import type { GuardedWebContents, MainApp } from './electron-modules'
import { denyWindowOpen } from './navigation-guards'

/**
 * Where each web contents may navigate: the main window to the app's origin, a verify window to
 * the verify page's. A web contents nobody registered may navigate nowhere.
 */
export class NavigationAllowlist {
  readonly #origins = new WeakMap<GuardedWebContents, readonly string[]>()

  allow(contents: GuardedWebContents, origins: readonly string[]): void {
    this.#origins.set(contents, [...origins])
  }

  permits(contents: GuardedWebContents, url: string): boolean {
    return isTrustedOrigin(url, this.#origins.get(contents) ?? [])
  }
}

/**
 * For every web contents the app ever creates: no window.open, no webviews, and no navigation,
 * redirect or subframe navigation outside the origins its window registered.
 */
export function guardEveryWebContents(app: Pick<MainApp, 'on'>, allowlist: NavigationAllowlist): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, allowlist))
}

export function guardWebContents(contents: GuardedWebContents, allowlist: NavigationAllowlist): void {
  contents.setWindowOpenHandler(denyWindowOpen)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  const keepToAllowed = (event: { preventDefault(): void }, url: string): void => {
    if (!allowlist.permits(contents, url)) event.preventDefault()
  }
  contents.on('will-navigate', (event, url) => keepToAllowed(event, url))
  contents.on('will-redirect', (event, url) => keepToAllowed(event, url))
  contents.on('will-frame-navigate', (event) => keepToAllowed(event, event.url))
}
