import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path'
import { contentSecurityPolicy } from './content-security-policy'

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

/** Content types of what electron-vite writes into out/renderer; anything else is not served. */
const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

/** The content type of a renderer file, or null for a type the app never serves. */
export function assetContentType(file: string): string | null {
  return contentTypes[extname(file).toLowerCase()] ?? null
}

/**
 * The app:// protocol handler: the built renderer, with the CSP and nosniff on the Response
 * itself (session.webRequest headers may never reach a custom scheme).
 */
export async function serveAppAsset(requestUrl: string, rendererRoot: string): Promise<Response> {
  const headers = { 'Content-Security-Policy': contentSecurityPolicy(), 'X-Content-Type-Options': 'nosniff' }
  const file = resolveAppAsset(requestUrl, rendererRoot)
  const type = file ? assetContentType(file) : null
  if (!file || !type) return new Response('Not found', { status: 404, headers })
  try {
    return new Response(await readFile(file), { status: 200, headers: { ...headers, 'Content-Type': type } })
  } catch {
    return new Response('Not found', { status: 404, headers })
  }
}
