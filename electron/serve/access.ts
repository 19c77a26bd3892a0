import { randomBytes, timingSafeEqual } from 'node:crypto'
import { isTrustedOrigin } from '../core/ipc/trusted-origin'

/**
 * Who may talk to the browser-mode server: the one tab that opened the printed URL (its token
 * exchanged once for a session cookie), and tabs of the same browser that carry that cookie.
 * The Host header must name the bound address (DNS rebinding) and the Origin header, where a
 * browser sends one, the served origin (cross-site requests).
 */
export type Refusal = { readonly status: 401 | 403; readonly code: string; readonly message: string }

/** 256 bits, URL-safe: the printed token and every session id. */
function secret(): string {
  return randomBytes(32).toString('base64url')
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** `host:port` as a browser writes it in the Host header (IPv6 in brackets). */
export function hostHeaderOf(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

export class AccessGate {
  private token: string | null = secret()
  private readonly sessions = new Set<string>()
  readonly origin: string
  /** Cookies ignore the port, so two servers on one host each keep their own name. */
  readonly cookieName: string

  constructor(private readonly hostHeader: string) {
    this.origin = `http://${hostHeader}`
    this.cookieName = `kyc-session-${hostHeader.replace(/[^0-9A-Za-z]/g, '-')}`
  }

  /** The connection token for the printed URL; null once it has been exchanged. */
  connectionToken(): string | null {
    return this.token
  }

  checkHost(host: string | undefined): Refusal | null {
    if (host === this.hostHeader) return null
    return { status: 403, code: 'FOREIGN_HOST', message: `This server answers only to ${this.hostHeader}` }
  }

  checkOrigin(origin: string | undefined): Refusal | null {
    if (origin === undefined || isTrustedOrigin(origin, [this.origin])) return null
    return { status: 403, code: 'FOREIGN_ORIGIN', message: 'Requests from other sites are refused' }
  }

  /**
   * Browsers say where a request comes from: another port of this host is `same-site`, which
   * SameSite cookies let through, so only the page itself (`same-origin`) or the operator typing
   * or opening the address (`none`) may reach the server. A client that sends no such header
   * still needs the session cookie.
   */
  checkFetchSite(site: string | string[] | undefined): Refusal | null {
    if (site === undefined || site === 'same-origin' || site === 'none') return null
    return { status: 403, code: 'FOREIGN_SITE', message: 'Requests from other pages of this computer are refused' }
  }

  /** Exchanges the printed token for a new session id; null when it is wrong or already used. */
  exchange(token: string): string | null {
    if (this.token === null || !sameSecret(token, this.token)) return null
    this.token = null
    const session = secret()
    this.sessions.add(session)
    return session
  }

  checkSession(cookieHeader: string | undefined): Refusal | null {
    const session = cookieValue(cookieHeader, this.cookieName)
    if (session !== null && [...this.sessions].some((known) => sameSecret(known, session))) return null
    return {
      status: 401,
      code: 'NO_SESSION',
      message: 'Open the address kyc-desk serve printed (its link works once); this browser has no session with it',
    }
  }

  sessionCookie(session: string): string {
    return `${this.cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`
  }
}

/** One cookie's value from a Cookie header, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return null
}
