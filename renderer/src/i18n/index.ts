import { createI18n } from 'vue-i18n'
import en from './en'
import zhCN from './zh-CN'

export const uiLocales = ['zh-CN', 'en'] as const
export type UiLocale = (typeof uiLocales)[number]

/** Chinese is the default: the app is for branch counters in China. */
export function createAppI18n(locale: UiLocale = 'zh-CN') {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': zhCN, en },
  })
}
