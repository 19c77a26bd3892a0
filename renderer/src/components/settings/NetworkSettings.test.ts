import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { defaultSettings, type Settings } from '../../../../shared/domain/settings'
import { createAppI18n } from '../../i18n'
import { networkPatch } from '../../stores/network-patch'
import { settingsFieldErrors } from '../../stores/settings-errors'
import NetworkSettings from './NetworkSettings.vue'

function withProxy(proxy: Partial<Settings['network']['proxy']>): Settings {
  return { ...defaultSettings, network: { ...defaultSettings.network, proxy: { ...defaultSettings.network.proxy, ...proxy } } }
}

function mounted(language: 'zh-CN' | 'en', model: Settings, passwordSet = false) {
  return mount(NetworkSettings, {
    props: { model, errors: settingsFieldErrors(model), serverErrors: {}, passwordSet },
    global: { plugins: [createAppI18n(language), ElementPlus, createPinia()] },
  })
}

describe('the Network section of Settings', () => {
  it('shows the proxy address, credentials and bypass list only for a manual proxy', () => {
    expect(mounted('en', withProxy({ mode: 'system' })).find('[data-path="network.proxy.url"]').exists()).toBe(false)
    const manual = mounted('zh-CN', withProxy({ mode: 'manual', url: 'http://proxy.bank.example:8080' }), true)
    for (const path of ['network.proxy.url', 'network.proxy.username', 'network.proxy.password', 'network.proxy.bypass', 'network.caFile']) {
      expect(manual.find(`[data-path="${path}"]`).exists(), path).toBe(true)
    }
    // Shown to an operator read-only, with the reason: the network settings are IT's.
    expect(manual.get('[data-path="network.proxy.password"]').text()).toContain('仅管理员可修改')
  })

  it('says a manual proxy needs its address', () => {
    const wrapper = mounted('en', withProxy({ mode: 'manual', url: '' }))
    expect(wrapper.find('[data-path="network.proxy.url"] [data-testid="setting-error"]').exists()).toBe(true)
  })

  it('sends a password only when one was typed, so the saved one is kept', () => {
    expect(networkPatch(withProxy({ mode: 'manual', url: 'http://p:1', username: 'u', password: '' }).network).proxy).not.toHaveProperty('password')
    expect(networkPatch(withProxy({ mode: 'manual', url: 'http://p:1', username: 'u', password: 'new' }).network).proxy).toMatchObject({ password: 'new' })
  })
})
