import { createI18n } from 'vue-i18n'
import actions from './messages/actions'
import app from './messages/app'
import capture from './messages/capture'
import batchImport from './messages/import'
import detail from './messages/detail'
import diagnostics from './messages/diagnostics'
import queue from './messages/queue'
import settings from './messages/settings'
import syncbar from './messages/syncbar'
import records from './messages/records'
import session from './messages/session'
import operators from './messages/operators'
import platformRules from './messages/platform-rules'

export const uiLocales = ['zh-CN', 'en'] as const
export type UiLocale = (typeof uiLocales)[number]

// Every namespace file in messages/; add a new screen's file here.
const namespaces = [app, actions, detail, session, capture, queue, syncbar, settings, diagnostics, batchImport, records, operators, platformRules] as const

type Merged = (typeof namespaces)[number]['zh-CN']
type MessageSchema = { [K in Merged extends unknown ? keyof Merged : never]: unknown }

function merge(locale: UiLocale): MessageSchema {
  return Object.assign({}, ...namespaces.map((n) => n[locale])) as MessageSchema
}

/** Chinese is the default: the app is for branch counters in China. */
export function createAppI18n(locale: UiLocale = 'zh-CN') {
  return createI18n<[MessageSchema], UiLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': merge('zh-CN'), en: merge('en') },
  })
}
