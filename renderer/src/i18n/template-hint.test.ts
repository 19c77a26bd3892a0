import { expect, it } from 'vitest'
import { createAppI18n } from '.'

// vue-i18n reads `{token}` as a placeholder: the verify page template's hint must show it literally.
it('shows {token} literally in the verify page template hint, in both languages', () => {
  expect(createAppI18n('en').global.t('settings.platform.verifyUrlTemplateHint')).toContain('{token}')
  expect(createAppI18n('zh-CN').global.t('settings.platform.verifyUrlTemplateHint')).toContain('{token}')
})
