import { describe, expect, it } from 'vitest'
import { createAppI18n } from './index'

function leaves(tree: unknown, prefix = ''): string[] {
  if (typeof tree === 'string') return [prefix]
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

describe('messages', () => {
  it('has the same keys in Chinese and English, none empty', () => {
    const i18n = createAppI18n()
    const zh = i18n.global.getLocaleMessage('zh-CN')
    const en = i18n.global.getLocaleMessage('en')
    expect(leaves(en).sort()).toEqual(leaves(zh).sort())
    for (const key of leaves(zh)) {
      expect(i18n.global.t(key, {}, { locale: 'zh-CN' })).not.toBe('')
    }
  })

  it('defaults to Chinese', () => {
    expect(createAppI18n().global.locale.value).toBe('zh-CN')
  })
})
