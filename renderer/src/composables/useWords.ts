import { computed, type ComputedRef } from 'vue'
import type { Words } from '../../../shared/i18n/word-reason'
import { useReasonWords } from './useErrorReason'
import { useUiLocale } from './useUiLocale'

/**
 * The screen's vue-i18n as shared/i18n's wording functions take it, following a language
 * switch; a key no table knows shows as itself, never as nothing.
 */
export function useWords(): ComputedRef<Words> {
  const reasonWords = useReasonWords()
  const locale = useUiLocale()
  return computed<Words>(() => ({ word: (reason) => reasonWords(reason) ?? reason.key, locale: locale.value }))
}
