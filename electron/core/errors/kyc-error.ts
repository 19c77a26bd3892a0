import type { ErrorReason, FieldIssue, IpcErrorCode } from '../../../shared/contract/errors'

/**
 * An error the core throws on purpose, with a code and a reason (a message key with its values,
 * shared/i18n/reasons.ts) the screens word; the English message is for the log. Anything else that escapes a handler is reported as INTERNAL with a generic message.
 */
export class KycError extends Error {
  override readonly name = 'KycError'
  constructor(
    readonly code: Exclude<IpcErrorCode, 'UNKNOWN_CHANNEL' | 'FORBIDDEN_SENDER' | 'INVALID_REQUEST'>,
    message: string,
    readonly issues?: readonly FieldIssue[],
    /** A message key and its values, worded by the renderer (and the command line) in the operator's language. */
    readonly reason?: ErrorReason,
  ) {
    super(message)
  }
}

export function notFound(what: 'applicant' | 'operator' | 'image'): KycError {
  return new KycError('NOT_FOUND', `The ${what} was not found`, undefined, { key: `notFound.${what}` })
}
