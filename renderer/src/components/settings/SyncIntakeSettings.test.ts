import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { defaultSettings, type Settings } from '../../../../shared/domain/settings'
import { createAppI18n } from '../../i18n'
import { settingsFieldErrors } from '../../stores/settings-errors'
import SyncIntakeSettings from './SyncIntakeSettings.vue'

function mounted(language: 'zh-CN' | 'en', model: Settings) {
  return mount(SyncIntakeSettings, {
    props: { model, errors: settingsFieldErrors(model), serverErrors: {} },
    global: { plugins: [createAppI18n(language), ElementPlus, createPinia()] },
  })
}

describe('finding 3: Settings shows the retention rule and its days', () => {
  const model: Settings = { ...defaultSettings, retention: { purgeVerifiedAfterDays: 5, flagStaleAfterDays: 12, purgeUnfinishedAfterDays: 45 } }

  it.each([
    ['zh-CN', ['5 天后清除', '12 天后提醒', '45 天后清除', '草稿只提醒']],
    ['en', ['5 days after verification', 'flagged to the operator 12 days', 'purged after 45 days', 'drafts are flagged, never purged']],
  ] as const)('in %s', (language, phrases) => {
    const wrapper = mounted(language, model)
    const rule = wrapper.get('[data-testid="retention-rule"]').text()
    for (const phrase of phrases) expect(rule).toContain(phrase)
    expect(wrapper.find('[data-path="retention.purgeUnfinishedAfterDays"]').exists()).toBe(true)
  })

  it('says why a purge age not after the flag age is refused', () => {
    const wrapper = mounted('en', { ...model, retention: { ...model.retention, purgeUnfinishedAfterDays: 12 } })
    expect(wrapper.get('[data-path="retention.purgeUnfinishedAfterDays"] [data-testid="setting-error"]').text()).toBe('Must be more than the flag days (flagged first, then purged)')
  })
})
