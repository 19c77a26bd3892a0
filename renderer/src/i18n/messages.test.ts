import { describe, expect, it } from 'vitest'
import { createAppI18n } from './index'

function leaves(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]]
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

/** The named values a message uses, over all its plural forms (`{n}`, `{name}`; not `{'{'}` literals). */
function params(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort()
}

describe('messages', () => {
  const i18n = createAppI18n()
  const zh = new Map(leaves(i18n.global.getLocaleMessage('zh-CN')))
  const en = new Map(leaves(i18n.global.getLocaleMessage('en')))

  it('has the same keys in Chinese and English, none empty', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort())
    for (const key of zh.keys()) {
      expect(i18n.global.t(key, {}, { locale: 'zh-CN' })).not.toBe('')
    }
  })

  it('uses the same parameters in both languages, so no value is dropped in one of them', () => {
    const differing = [...zh].filter(([key, text]) => params(text).join() !== params(en.get(key) ?? '').join()).map(([key]) => key)
    expect(differing).toEqual([])
  })

  it('defaults to Chinese', () => {
    expect(createAppI18n().global.locale.value).toBe('zh-CN')
  })
})
