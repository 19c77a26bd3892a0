import { provideGlobalConfig } from 'element-plus'
import en from 'element-plus/es/locale/lang/en'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import { computed, getCurrentInstance, watch, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { useSessionStore } from '../stores/session'
import { useSettingsStore, type UiLanguage } from '../stores/settings'

/**
 * The interface language: switching applies to vue-i18n at once (every screen re-renders in the
 * new language) and is kept with the signed-in operator, so it follows them at their next
 * sign-in whoever used the PC before. Before sign-in it applies for the moment only.
 */
export function useLanguage(): { current: ComputedRef<UiLanguage>; set(language: UiLanguage): Promise<void>; apply(language: UiLanguage): void } {
  const { locale } = useI18n({ useScope: 'global' })
  const session = useSessionStore()
  const current = computed<UiLanguage>(() => (locale.value === 'en' ? 'en' : 'zh-CN'))

  function apply(language: UiLanguage): void {
    locale.value = language
    document.documentElement.lang = language
  }

  async function set(language: UiLanguage): Promise<void> {
    apply(language)
    if (session.signedIn && session.signedIn.language !== language) await session.setLanguage(language)
  }

  return { current, set, apply }
}

/**
 * After sign-in, the operator's own language wins; one who never chose gets the machine's
 * (the settings), so the app opens in the language this operator reads.
 */
export function useSavedLanguage(): void {
  const settings = useSettingsStore()
  const session = useSessionStore()
  const language = useLanguage()
  watch(
    () => session.signedIn?.id ?? null,
    async (signedIn) => {
      if (signedIn === null) return
      const own = session.signedIn?.language ?? null
      if (own !== null) return language.apply(own)
      await settings.load()
      const machine = settings.view?.settings.language
      if (machine) language.apply(machine)
    },
    { immediate: true },
  )
}

/**
 * Element Plus's own texts (date pickers, empty tables, dialogs) follow the interface language.
 * Provided on the app, not the component: `ElMessageBox` renders outside the component tree with
 * the app's context, and would otherwise keep the language of the first start.
 */
export function provideElementLocale(): void {
  const { locale } = useI18n({ useScope: 'global' })
  provideGlobalConfig(
    computed(() => ({ locale: locale.value === 'en' ? en : zhCn })),
    getCurrentInstance()?.appContext.app,
  )
}
