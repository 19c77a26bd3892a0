import { isTrustedOrigin } from '../core/ipc/trusted-origin'

/**
 * Which permission requests are granted. Only the camera, and only to the app's own pages
 * (capture) and to the liveness verify page's origin; microphone, geolocation, notifications,
 * clipboard, HID, serial, and everything else are denied.
 */
export interface PermissionQuery {
  readonly permission: string
  readonly requestingUrl: string
  /** For `media`: what is asked for. */
  readonly mediaTypes?: readonly string[]
}

export function isPermissionGranted(query: PermissionQuery, cameraOrigins: readonly string[]): boolean {
  if (query.permission !== 'media') return false
  const types = query.mediaTypes ?? []
  if (types.length === 0 || types.some((t) => t !== 'video')) return false
  return isTrustedOrigin(query.requestingUrl, cameraOrigins)
}
