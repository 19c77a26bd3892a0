import { createI18n } from 'vue-i18n'
import { coreNamespaces } from '../../../shared/i18n'
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
import backup from './messages/backup'
import environment from './messages/environment'
import network from './messages/network'
import idCardReader from './messages/id-card-reader'
import shortcuts from './messages/shortcuts'
import help from './messages/help'
import viewer from './messages/viewer'
import replaceImage from './messages/replace-image'
import platformRules from './messages/platform-rules'
import rebindOffer from './messages/rebind-offer'
import today from './messages/today'
import print from './messages/print'

export const uiLocales = ['zh-CN', 'en'] as const
export type UiLocale = (typeof uiLocales)[number]

// Every namespace file in messages/ (add a new screen's file here), and the core's codes from shared/i18n.
const namespaces = [app, actions, detail, session, capture, queue, syncbar, settings, diagnostics, batchImport, records, operators, backup, environment, network, idCardReader, shortcuts, help, viewer, replaceImage, platformRules, rebindOffer, today, print, ...coreNamespaces] as const

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
