import type { Locale } from '../../../shared/identity'

/** The language of messages for people: from LC_ALL or LANG (zh… is Chinese), else English. */
export function cliLocale(env: NodeJS.ProcessEnv): Locale {
  return /^zh/i.test(env.LC_ALL ?? env.LANG ?? '') ? 'zh-CN' : 'en'
}
