import { createI18n } from 'vue-i18n'
import type { ErrorReason } from '../../shared/contract/errors'
import { coreNamespaces, type MessageLocale } from '../../shared/i18n'

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

/**
 * A code from the core in words, with the same tables the screens use (shared/i18n) and the
 * same rule for plurals (`n`); a key no table knows is given as the key itself.
 */
export function wordReason(reason: ErrorReason, locale: MessageLocale): string {
  i18n ??= create()
  const { t, te } = i18n.global
  const key = te(`reasons.${reason.key}`, locale) ? `reasons.${reason.key}` : te(reason.key, locale) ? reason.key : null
  if (key === null) return reason.key
  const params = reason.params ?? {}
  return typeof params['n'] === 'number' ? t(key, params, { locale, plural: params['n'] }) : t(key, params, { locale })
}
