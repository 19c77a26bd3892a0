import type { MainSession } from './electron-modules'
import { isPermissionGranted } from './permissions'

/** A session grants the camera to `cameraOrigins` and nothing else to anyone. */
export function grantCameraOnly(session: MainSession, cameraOrigins: () => readonly string[]): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted({ permission, requestingUrl: details.requestingUrl, mediaTypes: details.mediaTypes ?? [] }, cameraOrigins()))
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted({ permission, requestingUrl: requestingOrigin, mediaTypes: details.mediaType ? [details.mediaType] : [] }, cameraOrigins()),
  )
}

/** Nothing is ever downloaded to the PC by a page (a verify page could otherwise drop files). */
export function refuseDownloads(session: MainSession): void {
  session.on('will-download', (event) => event.preventDefault())
}
