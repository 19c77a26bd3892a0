/**
 * The sandbox's own envelope status codes. Only 200 and -1002 come from the platform's document;
 * the rest are the sandbox's choice (listed in README.md) and the app must not depend on them.
 */
export const Status = {
  ok: 200,
  invalidParameter: -1000,
  notLoggedIn: -1001,
  livenessNotVerified: -1002,
  stepOutOfOrder: -1003,
  imageNotFound: -1004,
  recordLocked: -1005,
  verificationNotReady: -1006,
  malformedBody: -1007,
  unsupportedContentType: -1008,
  bodyTooLarge: -1009,
  unknownPath: -1404,
  internalError: -1500,
} as const
export type StatusCode = (typeof Status)[keyof typeof Status]

export const languages = ['zh_CN', 'en_US'] as const
export type Language = (typeof languages)[number]

/** A message in both languages the platform speaks; the request's `local` picks one. */
export interface Bilingual {
  zh_CN: string
  en_US: string
}

/** A platform "no": an envelope with a non-200 status and a message saying what is wrong. */
export interface Refusal {
  status: StatusCode
  message: Bilingual
}

export function refusal(status: StatusCode, zh_CN: string, en_US: string): Refusal {
  return { status, message: { zh_CN, en_US } }
}

/** The message `/ali/vedioAuth` documents for -1002, word for word. */
export const LIVENESS_NOT_VERIFIED: Refusal = refusal(
  Status.livenessNotVerified,
  '未认证，或认证失效，请重新认证',
  'Not verified, or the verification has expired: verify again',
)

export const NOT_LOGGED_IN: Refusal = refusal(
  Status.notLoggedIn,
  '用户未登录或登录已失效，请重新登录',
  'Not logged in, or the session has expired: uid and token do not match an account',
)
