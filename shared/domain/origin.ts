/**
 * The one origin rule: which URL belongs to which origin, and whether it is one we trust. Used by
 * the IPC sender policy, the permission handlers, the navigation guards, the verify window and
 * browser mode. The URL parser's own origin is "null" for a custom scheme such as `app:`, so the origin
 * is built from the scheme and host here, once, for every caller.
 */

/** Schemes whose pages can ever be trusted: the packaged app, and http(s) for dev or browser mode. */
const originSchemes: ReadonlySet<string> = new Set(['app:', 'http:', 'https:'])

/**
 * `scheme://host[:port]` of a URL, or null where the URL has no usable origin: unparsable,
 * opaque (`data:`, `blob:`, `file:`, `about:blank`, `javascript:`), hostless, or with
 * credentials in it.
 */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (!originSchemes.has(parsed.protocol) || parsed.host === '') return null
  if (parsed.username !== '' || parsed.password !== '') return null
  return `${parsed.protocol}//${parsed.host}`
}

/** True when `url` is on one of `allowedOrigins` (each itself normalised by `originOf`). */
export function isTrustedOrigin(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url)
  if (origin === null) return false
  return allowedOrigins.some((allowed) => originOf(allowed) === origin)
}
