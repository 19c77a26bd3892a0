/**
 * The main window may only ever show the app's own pages (web-contents-guards.ts keeps every web
 * contents to its registered origins). Links are not opened in a browser either (no
 * shell.openExternal of renderer-supplied URLs); the verify window is opened by main itself.
 */

/** `setWindowOpenHandler`'s answer: always deny. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' }
}
