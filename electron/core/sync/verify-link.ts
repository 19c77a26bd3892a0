import type { ErrorReason } from '../../../shared/contract/errors'
import { isLoopbackHost } from '../../../shared/domain/settings'
import type { AppTokenHandoff } from '../platform-client/app-token'

export interface VerifyLinkPolicy {
  /** `https://…{token}…`, or empty when the platform is expected to send the page. */
  readonly urlTemplate: string
  /** Training against the built-in sandbox: plain http on this machine is accepted. */
  readonly trainingMode: boolean
  /** 1 web (a page is needed), 2 app (the customer's app takes the bare token). */
  readonly source: 1 | 2
}

export type VerifyLink =
  | { readonly ok: true; readonly verifyToken: string; readonly verifyUrl: string | null }
  | {
      readonly ok: false
      readonly code: 'VERIFY_TOKEN_MISSING' | 'VERIFY_URL_MISSING' | 'VERIFY_URL_REFUSED'
      /** In English, for the log and IT; the screen words `reason`. */
      readonly message: string
      readonly reason: ErrorReason
    }

/**
 * The customer's camera goes to this page: https only, or plain http to this machine in
 * training. Never `javascript:`, `file:` or `data:`.
 */
export function isAllowedVerifyUrl(url: string, trainingMode: boolean): boolean {
  if (!URL.canParse(url)) return false
  const parsed = new URL(url)
  if (parsed.username !== '' || parsed.password !== '') return false
  if (parsed.protocol === 'https:') return true
  return trainingMode && parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)
}

/**
 * Turns what appToken handed over into the token to keep and the page to show, or a refusal that
 * says what is missing and what IT must configure. Messages never quote the token or the page:
 * both are credentials.
 */
export function verifyLinkFor(handoff: AppTokenHandoff, policy: VerifyLinkPolicy): VerifyLink {
  const { token, url } = handoff
  if (token === null && url === null) {
    return {
      ok: false,
      code: 'VERIFY_TOKEN_MISSING',
      message:
        'The platform answered /ali/appToken without a verify token (its attachment was empty). IT must enable real-person verification for this platform account, or configure which field carries the token.',
      reason: { key: 'stepError.verify.tokenMissing' },
    }
  }
  const page = url ?? (token !== null && policy.urlTemplate !== '' ? policy.urlTemplate.replaceAll('{token}', encodeURIComponent(token)) : null)
  if (page === null) {
    if (policy.source === 2 && token !== null) return { ok: true, verifyToken: token, verifyUrl: null }
    return {
      ok: false,
      code: 'VERIFY_URL_MISSING',
      message:
        'The platform sent a verify token but no page for the customer. IT must set the verify page URL template in Settings (for example https://h5.example.com/verify?token={token}).',
      reason: { key: 'stepError.verify.urlMissing' },
    }
  }
  if (!isAllowedVerifyUrl(page, policy.trainingMode)) {
    const scheme = URL.canParse(page) ? new URL(page).protocol : 'an unreadable address'
    return {
      ok: false,
      code: 'VERIFY_URL_REFUSED',
      message: `The platform's verify page is not an https:// address (${scheme}); it was not shown. IT must ask the platform for an https:// verify page.`,
      reason: { key: 'stepError.verify.urlRefused', params: { scheme: URL.canParse(page) ? scheme : '—' } },
    }
  }
  // A bare page URL carries the token inside it: the whole page address is the secret to keep.
  return { ok: true, verifyToken: token ?? page, verifyUrl: page }
}
