import type { IncomingHttpHeaders } from 'node:http'

/** One header value as a string (repeated headers joined with commas, as OSS canonicalises them). */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value.join(',') : value
}

/** All request headers with lower-case names; repeats joined with a bare comma (Node would use ", "). */
export function lowerCaseHeaders(rawHeaders: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {}
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase()
    const value = rawHeaders[i + 1] ?? ''
    headers[name] = name in headers ? `${headers[name]},${value}` : value
  }
  return headers
}

/** The `x-oss-*` subset, which V1 signs. */
export function ossHeadersOf(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('x-oss-')))
}

/** Query parameters in order, decoded; a malformed escape makes the whole query invalid (null). */
export function parseQuery(rawQuery: string): [string, string][] | null {
  if (rawQuery === '') return []
  const pairs: [string, string][] = []
  try {
    for (const part of rawQuery.split('&')) {
      if (part === '') continue
      const separator = part.indexOf('=')
      const name = separator === -1 ? part : part.slice(0, separator)
      const value = separator === -1 ? '' : part.slice(separator + 1)
      pairs.push([decodeURIComponent(name), decodeURIComponent(value)])
    }
  } catch {
    return null
  }
  return pairs
}
