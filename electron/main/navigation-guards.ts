import { isTrustedOrigin } from '../core/ipc/trusted-origin'

/**
 * Navigation rules for the main window: it may only ever show the app's own pages. Links to
 * anything else are not followed and not opened in a browser either (no shell.openExternal of
 * renderer-supplied URLs); the liveness window is opened by main itself, never by window.open.
 */
export function shouldBlockNavigation(targetUrl: string, appOrigin: string): boolean {
  return !isTrustedOrigin(targetUrl, [appOrigin])
}

/** `setWindowOpenHandler`'s answer: always deny. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' }
}
