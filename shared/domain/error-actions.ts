import { z } from 'zod'
import type { StepError } from './steps'

/**
 * What the operator should do about a failed step. `rebind`: the customer's account binding is no
 * longer valid (their token expired): scan the customer's new account QR; the applicant then
 * reads as "needs a new account QR".
 */
export const errorActions = ['rebind', 'edit-identity', 'replace-image', 'retry-later', 'call-it'] as const
export const errorActionSchema = z.enum(errorActions)
export type ErrorAction = z.infer<typeof errorActionSchema>

/**
 * Platform statuses, OSS error codes and the app's own codes, to an action. IT adds or overrides
 * entries in settings (`platform.errorActions`) for what their platform answers.
 */
export const defaultErrorActions: Readonly<Record<string, ErrorAction>> = {
  // The platform's "not logged in, or the login has expired": the customer's token is dead.
  '-1001': 'rebind',
  RECONCILE_MISMATCH: 'edit-identity',
  IMAGE_UNREADABLE: 'replace-image',
  UPLOAD_MISSING: 'retry-later',
  VERIFY_TOKEN_MISSING: 'call-it',
  VERIFY_URL_MISSING: 'call-it',
  VERIFY_URL_REFUSED: 'call-it',
  RESPONSE_TOO_LARGE: 'call-it',
  // The way to the platform (electron/core/network/network-failure.ts): IT's proxy and CA settings.
  PROXY_UNREACHABLE: 'call-it',
  PROXY_AUTH_REQUIRED: 'call-it',
  PROXY_CONNECT_REFUSED: 'call-it',
  CERT_UNTRUSTED: 'call-it',
  CERT_EXPIRED: 'call-it',
  CERT_NAME_MISMATCH: 'call-it',
  // OSS (https://help.aliyun.com/zh/oss/support/oss-error-codes)
  AccessDenied: 'call-it',
  NoSuchBucket: 'call-it',
  InvalidBucketName: 'call-it',
  SignatureDoesNotMatch: 'call-it',
  InvalidObjectName: 'call-it',
  EntityTooLarge: 'replace-image',
  InvalidDigest: 'replace-image',
  BadDigest: 'replace-image',
}

export const errorActionOverridesSchema = z.record(z.string().min(1).max(64), errorActionSchema)

/** The action for a step error: the configured table first, then the defaults; a transient fault waits. */
export function actionForError(error: Pick<StepError, 'kind' | 'code'>, overrides: Readonly<Record<string, ErrorAction>>): ErrorAction | null {
  const action = overrides[error.code] ?? defaultErrorActions[error.code]
  if (action !== undefined) return action
  return error.kind === 'transient' ? 'retry-later' : null
}

/** Whether this error means the customer's account binding is no longer valid. */
export function needsNewAccountQr(error: Pick<StepError, 'kind' | 'code'> | null, overrides: Readonly<Record<string, ErrorAction>>): boolean {
  return error !== null && error.kind !== 'transient' && actionForError(error, overrides) === 'rebind'
}

/** The rule the queue derives "needs a new account QR" with, for one table of overrides. */
export function bindingExpiredRule(overrides: Readonly<Record<string, ErrorAction>>): (error: Pick<StepError, 'kind' | 'code'>) => boolean {
  return (error) => needsNewAccountQr(error, overrides)
}
