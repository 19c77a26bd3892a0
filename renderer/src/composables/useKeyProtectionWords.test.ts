import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import type { AppInfo } from '../../../shared/contract'
import { createAppI18n } from '../i18n'
import { useKeyProtectionWords } from './useKeyProtectionWords'

function worded(locale: 'zh-CN' | 'en', protection: AppInfo['keyProtection']): { summary: string; warning: string } {
  let words: { summary: string; warning: string } = { summary: '', warning: '' }
  const probe = defineComponent({
    setup() {
      const keyWords = useKeyProtectionWords()
      words = { summary: keyWords.summary(protection), warning: keyWords.warning(protection) }
      return () => h('div')
    },
  })
  mount(probe, { global: { plugins: [createAppI18n(locale)] } })
  return words
}

describe('the data key protection, as the operator reads it', () => {
  it('warns of a keyring-less PC in Chinese, from the core\'s code', () => {
    const { summary, warning } = worded('zh-CN', { kind: 'safe-storage', secure: false, warning: { key: 'vault.noKeyring', params: { backend: 'basic_text' } } })
    expect(summary).toBe('系统密钥环（不安全）')
    expect(warning).toBe('警告：本机的密钥保护不安全：没有找到系统密钥环（basic_text），数据密钥只由一个固定密码保护。请 IT 安装并解锁密钥环（GNOME Keyring 或 KWallet）。')
  })

  it('names the key file in English, and a mechanism it does not know by its code', () => {
    expect(worded('en', { kind: 'key-file', secure: false, warning: { key: 'vault.permissionsUnchecked' } })).toEqual({
      summary: 'key file (not secure)',
      warning: 'Warning: the data key on this machine is not protected: file permissions of the key file are not checked on Windows',
    })
    expect(worded('en', { kind: 'hsm', secure: true }).summary).toBe('hsm (secure)')
  })
})
