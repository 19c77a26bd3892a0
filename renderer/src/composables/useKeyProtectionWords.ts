import { useI18n } from 'vue-i18n'
import type { AppInfo } from '../../../shared/contract'
import { useReasonWords } from './useErrorReason'

type KeyProtection = AppInfo['keyProtection']

/** How the data key is protected, in the operator's words: the mechanism's name, and why it is not secure. */
export function useKeyProtectionWords() {
  const { t, te } = useI18n()
  const reasonWords = useReasonWords()
  // A mechanism this table does not name yet (a newer core) shows as its code rather than as a key.
  const kind = (p: KeyProtection) => (te(`system.keyKind.${p.kind}`) ? t(`system.keyKind.${p.kind}`) : p.kind)
  return {
    summary: (p: KeyProtection): string => t('list.withDetail', { text: kind(p), detail: p.secure ? t('system.secure') : t('system.insecure') }),
    warning: (p: KeyProtection): string => t('app.keyWarning', { detail: reasonWords(p.warning) ?? kind(p) }),
  }
}
