/**
 * Which proxy serves a URL, as pure rules: the manual proxy with its bypass list, and the answer
 * of the operating system's proxy lookup (Electron's `session.resolveProxy`), which speaks PAC.
 * An empty string means "connect directly", as proxy-agent's `getProxyForUrl` expects.
 */

const pacSchemes: Readonly<Record<string, string>> = {
  PROXY: 'http',
  HTTP: 'http',
  HTTPS: 'https',
  SOCKS: 'socks5',
  SOCKS5: 'socks5',
  SOCKS4: 'socks4',
}

/**
 * The proxy URL a PAC-style answer names first (`PROXY host:port; DIRECT`): `DIRECT`, an empty
 * answer or an entry of no known kind means no proxy. Only the first entry counts: proxy-agent
 * has no fallback chain, and a second proxy tried silently would hide the first one's failure.
 */
export function proxyFromPacAnswer(answer: string): string {
  const first = answer.split(';')[0]?.trim() ?? ''
  const [kind = '', hostPort = ''] = first.split(/\s+/)
  const scheme = pacSchemes[kind.toUpperCase()]
  if (scheme === undefined || hostPort === '') return ''
  const url = `${scheme}://${hostPort}`
  if (!URL.canParse(url)) return ''
  const parsed = new URL(url)
  return `${parsed.protocol}//${parsed.host}`
}

/** Whether a bypass entry (`host`, `.domain`, `*.domain`, `*`, each optionally with `:port`) covers a URL. */
function bypasses(entry: string, url: URL): boolean {
  if (entry === '*') return true
  const portMatch = /^(.*):(\d{1,5})$/.exec(entry)
  const pattern = (portMatch?.[1] ?? entry).toLowerCase()
  const port = url.port || (url.protocol === 'https:' ? '443' : '80')
  if (portMatch && portMatch[2] !== port) return false
  const host = url.hostname.toLowerCase()
  if (pattern.startsWith('*.') || pattern.startsWith('.')) {
    const suffix = pattern.replace(/^\*/, '')
    return host.endsWith(suffix) || host === suffix.slice(1)
  }
  return host === pattern
}

export function isBypassed(url: string, bypass: readonly string[]): boolean {
  const parsed = new URL(url)
  return bypass.some((entry) => bypasses(entry.trim(), parsed))
}

/** The manual proxy's URL with its credentials in it, as proxy-agent sends them (`Proxy-Authorization: Basic`). */
export function proxyUrlWithCredentials(proxyUrl: string, username: string, password: string): string {
  const url = new URL(proxyUrl)
  if (username !== '' || password !== '') {
    url.username = encodeURIComponent(username)
    url.password = encodeURIComponent(password)
  }
  return url.href.replace(/\/$/, '')
}

/** A proxy URL as logs and messages may show it: scheme, host and port, never credentials. */
export function proxyForDisplay(proxyUrl: string): string {
  if (!URL.canParse(proxyUrl)) return '(invalid proxy address)'
  const url = new URL(proxyUrl)
  return `${url.protocol}//${url.host}`
}
