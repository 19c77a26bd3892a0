import { describe, expect, it } from 'vitest'
import { createAppI18n } from './index'

function leaves(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]]
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

// A count vue-i18n picks the form by (`n` or `count`) before a plural noun ("{n} applicants"), or an "(s)".
const countedNoun = /\(s\)|\{(?:n|count)\}\s+(?:[\w-]+\s+){0,2}?[A-Za-z-]+s\b/
// Counted things whose English is the same for one: "{n} with warnings".
const sameForOne = new Set(['batchImport.preview.needsReview'])

describe('English plurals', () => {
  const i18n = createAppI18n('en')
  const english = leaves(i18n.global.getLocaleMessage('en'))

  it('gives every counted noun a form for one (vue-i18n `one | many`), never "(s)"', () => {
    const missing = english.filter(([key, text]) => countedNoun.test(text) && !text.includes('|') && !sameForOne.has(key)).map(([key]) => key)
    expect(missing).toEqual([])
    expect(english.filter(([, text]) => text.includes('(s)')).map(([key]) => key)).toEqual([])
  })

  it('picks the form by the count the screen and the core pass as n or count, and Chinese keeps its one form', () => {
    const { t } = i18n.global
    expect(t('queue.total', { n: 1 })).toBe('1 applicant')
    expect(t('queue.total', { n: 2 })).toBe('2 applicants')
    expect(t('reasons.platform.waitingApplicants', { count: 1 })).toMatch(/^1 applicant of the current platform still waits/)
    expect(t('trainingCleanup.removed', { n: 1 }, { locale: 'zh-CN' })).toBe(t('trainingCleanup.removed', { n: 5 }, { locale: 'zh-CN' }).replace('5', '1'))
  })
})
