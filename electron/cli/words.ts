import { createI18n } from 'vue-i18n'
import type { ErrorReason } from '../../shared/contract/errors'
import type { StepError } from '../../shared/domain/steps'
import { coreNamespaces, type MessageLocale } from '../../shared/i18n'
import { wordStepError as wordStepErrorBy } from '../../shared/i18n/step-error-words'

/** The language the command line speaks: zh-CN where the environment's locale is Chinese, else English. */
export function cliLocale(env: NodeJS.ProcessEnv): MessageLocale {
  return /^zh/i.test(env['LC_ALL'] ?? env['LANG'] ?? '') ? 'zh-CN' : 'en'
}

type Table = Record<string, string | object>
const merged = (locale: MessageLocale): Table => Object.assign({}, ...coreNamespaces.map((n) => n[locale])) as Table

function create() {
  return createI18n<[Table], MessageLocale, false>({
    legacy: false,
    locale: 'en',
    fallbackLocale: 'en',
    messages: { 'zh-CN': merged('zh-CN'), en: merged('en') },
    missingWarn: false,
    fallbackWarn: false,
  })
}

let i18n: ReturnType<typeof create> | null = null

/** The table key that words `reason`, `reasons.` first as on the screens, or null when no table knows it. */
function keyOf(reason: ErrorReason, locale: MessageLocale): string | null {
  i18n ??= create()
  const { te } = i18n.global
  return te(`reasons.${reason.key}`, locale) ? `reasons.${reason.key}` : te(reason.key, locale) ? reason.key : null
}

function word(key: string, reason: ErrorReason, locale: MessageLocale): string {
  i18n ??= create()
  const { t } = i18n.global
  const params = reason.params ?? {}
  return typeof params['n'] === 'number' ? t(key, params, { locale, plural: params['n'] }) : t(key, params, { locale })
}

/** A code from the core in words, or null when no table knows its key. */
function wordKnownReason(reason: ErrorReason, locale: MessageLocale): string | null {
  const key = keyOf(reason, locale)
  return key === null ? null : word(key, reason, locale)
}

/**
 * A code from the core in words, with the same tables the screens use (shared/i18n) and the
 * same rule for plurals (`n`); a key no table knows is given as the key itself.
 */
export function wordReason(reason: ErrorReason, locale: MessageLocale): string {
  return wordKnownReason(reason, locale) ?? reason.key
}

/** A step's failure as the screens show it (shared/i18n/step-error-words.ts). */
export function wordStepError(error: StepError, locale: MessageLocale): string {
  return wordStepErrorBy(error, (reason) => wordKnownReason(reason, locale))
}

export type Say = (key: string, params?: Record<string, string | number>) => string

/** The command line's own reports (`commandLine.*`, shared/i18n/command-line.ts) in `locale`. */
export function sayIn(locale: MessageLocale): Say {
  return (key, params) => wordReason({ key: `commandLine.${key}`, ...(params ? { params } : {}) }, locale)
}

/** Applicants per status as the operator reads them (`排队中 3、已提交 1` / `Queued 3, Submitted 1`). */
export function wordStatusCounts(counts: ReadonlyArray<readonly [status: string, n: number]>, locale: MessageLocale): string {
  const say = sayIn(locale)
  return counts.map(([status, n]) => say('status.count', { status: wordReason({ key: `status.${status}` }, locale), n })).join(wordReason({ key: 'list.separator' }, locale))
}
