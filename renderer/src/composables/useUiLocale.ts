import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Locale } from '../../../shared/identity'

/** The UI language as shared/ and the contract name it, for messages main or shared/ word. */
export function useUiLocale(): ComputedRef<Locale> {
  const { locale } = useI18n()
  return computed<Locale>(() => (locale.value === 'en' ? 'en' : 'zh-CN'))
}
