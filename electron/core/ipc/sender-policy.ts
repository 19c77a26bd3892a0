import { isTrustedOrigin } from './trusted-origin'

/**
 * Which frames may call the core. Main's renderer is served from one origin (`app://kyc-desk`
 * when packaged, the dev server in a development build, the browser-mode server); anything else
 * (a navigated-away frame, an iframe, the liveness verify window) is refused.
 */
export interface SenderPolicy {
  isTrusted(senderUrl: string): boolean
}

export function originSenderPolicy(allowedOrigins: readonly string[]): SenderPolicy {
  const allowed = [...allowedOrigins]
  return { isTrusted: (senderUrl) => isTrustedOrigin(senderUrl, allowed) }
}
