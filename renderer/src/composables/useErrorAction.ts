import type { StepError } from '../../../shared/domain/steps'
import { actionForError, type ErrorAction } from '../../../shared/domain/error-actions'
import { useSettingsStore } from '../stores/settings'

/** The operator action for a step error, from the one table (defaults plus IT's overrides in settings). */
export function useErrorAction(): (error: Pick<StepError, 'kind' | 'code'> | null) => ErrorAction | null {
  const settings = useSettingsStore()
  return (error) => (error === null ? null : actionForError(error, settings.view?.settings.platform.errorActions ?? {}))
}
