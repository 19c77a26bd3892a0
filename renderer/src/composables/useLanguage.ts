import { provideGlobalConfig } from 'element-plus'
import en from 'element-plus/es/locale/lang/en'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import { computed, watch, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { useSessionStore } from '../stores/session'
import { useSettingsStore, type UiLanguage } from '../stores/settings'

/**
 * The interface language: switching applies to vue-i18n at once (every screen re-renders in the
 * new language) and is saved in the settings, so it survives a restart and the platform's
 * messages follow it. Before sign-in it applies for the session only (settings need an operator).
 */
export function useLanguage(): { current: ComputedRef<UiLanguage>; set(language: UiLanguage): Promise<void>; apply(language: UiLanguage): void } {
  const { locale } = useI18n({ useScope: 'global' })
  const settings = useSettingsStore()
  const session = useSessionStore()
  const current = computed<UiLanguage>(() => (locale.value === 'en' ? 'en' : 'zh-CN'))

  function apply(language: UiLanguage): void {
    locale.value = language
    document.documentElement.lang = language
  }

  async function set(language: UiLanguage): Promise<void> {
    apply(language)
    if (session.signedIn && settings.view?.settings.language !== language) await settings.saveLanguage(language)
  }

  return { current, set, apply }
}

/**
 * After sign-in, the saved language wins: the settings are loaded and applied, so the app opens
 * in the language the counter chose last time.
 */
export function useSavedLanguage(): void {
  const settings = useSettingsStore()
  const session = useSessionStore()
  const language = useLanguage()
  watch(
    () => session.signedIn?.id ?? null,
    async (signedIn) => {
      if (signedIn === null) return
      await settings.load()
      const saved = settings.view?.settings.language
      if (saved) language.apply(saved)
    },
    { immediate: true },
  )
}

/** Element Plus's own texts (date pickers, empty tables, dialogs) follow the interface language. */
export function provideElementLocale(): void {
  const { locale } = useI18n({ useScope: 'global' })
  provideGlobalConfig(computed(() => ({ locale: locale.value === 'en' ? en : zhCn })))
}
