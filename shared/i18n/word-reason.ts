import type { ErrorReason } from '../contract/errors'
import type { MessageLocale } from './index'

/** Words one key with its values in the caller's language (vue-i18n on screen, the command line's own). */
export type WordReason = (reason: ErrorReason) => string

/** A wording function and the language it speaks, for the values (country names) that come from data, not from a table. */
export interface Words {
  readonly word: WordReason
  readonly locale: MessageLocale
}
