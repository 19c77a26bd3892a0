import { describe, expect, it } from 'vitest'
import { createAppI18n } from './index'

// Every renderer source as text (Vite's glob; the renderer's layer has no file system), tests left out.
const raw = import.meta.glob<string>(['../**/*.vue', '../**/*.ts', '!../**/*.test.ts', '!../**/*.d.ts'], { query: '?raw', import: 'default', eager: true })
const files = Object.entries(raw).map(([path, text]) => ({ path: path.replace(/^\.\.\//, ''), text }))

describe('the words the screens ask for', () => {
  // vue-i18n shows a key it does not know as the key itself: Latin words on a Chinese screen.
  it('names only keys the tables have, in both languages', () => {
    const i18n = createAppI18n()
    const used = files.flatMap(({ path, text }) =>
      [...text.matchAll(/(?<![\w.$])\$?(?:t|te|tm)\(\s*'([A-Za-z][\w-]*(?:\.[\w-]+)+)'/g)].map((m) => ({ path, key: m[1] ?? '' })),
    )
    expect(used.length).toBeGreaterThan(500)
    const missing = used.filter(({ key }) => !(i18n.global.te(key, 'zh-CN') && i18n.global.te(key, 'en'))).map(({ path, key }) => `${path}: ${key}`)
    expect(missing).toEqual([])
  })

  // ': ', ', ', '(…)' typed between two {{ }} are English punctuation in the Chinese UI; the
  // language's own come from list.* (shared/i18n/lists.ts). The customer's bilingual papers (print/) set theirs by hand.
  it('puts no English punctuation between the words of a template', () => {
    const found = files
      .filter(({ path }) => path.endsWith('.vue') && !path.startsWith('components/print/'))
      .flatMap(({ path, text }) => {
        const template = text.slice(text.indexOf('<template>'))
        return [...template.matchAll(/\}\}\s*[:;,]\s*\{\{|\(\{\{|\}\}\)/g)].map((m) => `${path}: ${m[0]}`)
      })
    expect(found).toEqual([])
  })
})
