/**
 * Which frames may call the core. Main's renderer is served from one origin (the custom app
 * protocol when packaged, the dev server while developing, the test server in end-to-end tests);
 * anything else — a navigated-away frame, an iframe, the liveness verify window — is refused.
 */
export interface SenderPolicy {
  isTrusted(senderUrl: string): boolean
}

export function originSenderPolicy(allowedOrigins: readonly string[]): SenderPolicy {
  const origins = new Set(allowedOrigins.map((o) => new URL(o).origin))
  return {
    isTrusted(senderUrl) {
      let parsed: URL
      try {
        parsed = new URL(senderUrl)
      } catch {
        return false
      }
      // Custom schemes have an opaque origin ("null"), so compare scheme and host explicitly.
      const origin = parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin
      return origins.has(origin)
    },
  }
}
