import { useI18n } from 'vue-i18n'
import type { StepName } from '../../../shared/domain/steps'
import { stepChipKey } from '../stores/step-chips'

/** Step names in the operator's words (`authnew:2` reads "Send front image (step 2)"); an unknown name as it is. */
export function useStepName(): (value: string) => string {
  const { t } = useI18n()
  return (value) => {
    const key = stepChipKey[value as StepName]
    if (!key) return value
    if (value === 'liveness:token') return t('chip.name.livenessToken')
    if (value === 'liveness:result') return t('chip.name.livenessResult')
    return t(`chip.name.${key}`)
  }
}
