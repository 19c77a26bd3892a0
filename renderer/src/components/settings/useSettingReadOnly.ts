import { isAdminOnlySetting } from '../../../../shared/domain/settings-access'
import { useSessionStore } from '../../stores/session'

/** Whether this operator sees the setting at `path` read-only (the core refuses it to them too). */
export function useSettingReadOnly(): (path: string) => boolean {
  const session = useSessionStore()
  return (path) => isAdminOnlySetting(path) && !session.isAdmin
}
