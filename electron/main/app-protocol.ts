import { isAbsolute, join, normalize, relative, sep } from 'node:path'

/** The packaged renderer is served from this origin instead of file:// (Electron checklist #18). */
export const appScheme = 'app'
export const appHost = 'kyc-desk'
export const appOrigin = `${appScheme}://${appHost}`

/**
 * Maps an `app://kyc-desk/...` URL to a file under the renderer folder, or null when the URL
 * names another host or tries to climb out of the folder (`..`, encoded or not).
 */
export function resolveAppAsset(requestUrl: string, rendererRoot: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  const wanted = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '')
  const file = normalize(join(rendererRoot, wanted))
  const rel = relative(rendererRoot, file)
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null
  return file
}
