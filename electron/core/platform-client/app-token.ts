/**
 * What `/ali/appToken` handed over, in whichever documented shape the platform uses: an object
 * with the token and page under one of their usual names, a bare page URL, a bare token, or
 * null (the document's own example). Nothing is judged here; the liveness step decides what is
 * usable (sync/verify-link.ts).
 */
export interface AppTokenHandoff {
  readonly token: string | null
  readonly url: string | null
}

const tokenNames = ['verifyToken', 'token', 'certifyId'] as const
const urlNames = ['verifyUrl', 'url', 'certifyUrl'] as const

function firstText(object: Readonly<Record<string, unknown>>, names: readonly string[]): string | null {
  for (const name of names) {
    const value = object[name]
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
    // Some platforms send a numeric certify id.
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value)
  }
  return null
}

/** A string that starts with a scheme and parses is a page address, not a token. */
function looksLikeUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value)
}

export function readAppTokenAttachment(attachment: unknown): AppTokenHandoff {
  if (typeof attachment === 'string') {
    const value = attachment.trim()
    if (value === '') return { token: null, url: null }
    return looksLikeUrl(value) ? { token: null, url: value } : { token: value, url: null }
  }
  if (typeof attachment === 'object' && attachment !== null && !Array.isArray(attachment)) {
    const object = attachment as Readonly<Record<string, unknown>>
    return { token: firstText(object, tokenNames), url: firstText(object, urlNames) }
  }
  return { token: null, url: null }
}
