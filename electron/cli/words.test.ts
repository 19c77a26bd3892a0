import { expect, it } from 'vitest'
import { cliLocale, wordReason } from './words'

it('words the core\'s codes with the screens\' tables, plurals included, in the environment\'s language', () => {
  expect(wordReason({ key: 'signIn.wrongPin', params: { n: 1 } }, 'en')).toBe('Wrong PIN (1 attempt left)')
  expect(wordReason({ key: 'signIn.wrongPin', params: { n: 4 } }, 'en')).toBe('Wrong PIN (4 attempts left)')
  expect(wordReason({ key: 'signIn.wrongPin', params: { n: 4 } }, 'zh-CN')).toBe('PIN 错误（还可尝试 4 次）')
  expect(wordReason({ key: 'imageCheck.blurred.scanner' }, 'zh-CN')).toBe('扫描件模糊：请重新扫描')
  expect(wordReason({ key: 'no.such.key' }, 'zh-CN')).toBe('no.such.key')
  expect(cliLocale({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN')
  expect(cliLocale({ LANG: 'C' })).toBe('en')
})
