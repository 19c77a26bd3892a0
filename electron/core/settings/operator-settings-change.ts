import { environmentOf, trainingEnvironment } from '../../../shared/domain/environment'
import type { QueuedApplicantsChoice } from '../../../shared/domain/platform-switch'
import type { Settings } from '../../../shared/domain/settings'
import type { AuditLog } from '../queue/audit-log'
import { settingChanges } from './setting-changes'
import type { SettingsPatch, SettingsService } from './settings-service'

export interface OperatorSettingsChange {
  readonly patch: SettingsPatch
  readonly operatorId: string | null
  /** Applicants of the old live platform still waiting, and what the admin chose for them. */
  readonly waitingApplicants?: { readonly count: number; readonly choice: QueuedApplicantsChoice }
}

/**
 * An operator's change from the settings screen: saved and put on record in one transaction, so
 * neither stands without the other. Who pointed the app at another platform, or shortened
 * retention, and from what, must be in the audit log. `withSave` runs last in that transaction
 * (moving the waiting applicants to the new platform): if it throws, nothing is saved.
 */
export function saveOperatorSettingsChange(settings: SettingsService, audit: Pick<AuditLog, 'append'>, change: OperatorSettingsChange, withSave?: () => void): Settings {
  return settings.update(change.patch, (before, next) => {
    recordChange(audit, change, before, next)
    withSave?.()
  })
}

/** The change's audit events: what changed, and leaving training mode when it did. */
function recordChange(audit: Pick<AuditLog, 'append'>, change: OperatorSettingsChange, before: Settings, next: Settings): void {
  const changes = settingChanges(before, next)
  if (changes.length === 0) return
  const waiting = change.waitingApplicants
  audit.append({
    type: 'settings-changed',
    operatorId: change.operatorId,
    details: {
      changed: changes.map((c) => c.field),
      changes: changes.map((c) => ({ field: c.field, from: c.from, to: c.to })),
      ...(waiting && waiting.count > 0 ? { waitingApplicants: waiting.count, queuedApplicants: waiting.choice } : {}),
    },
  })
  const leftTraining = environmentOf(before.platform.baseUrl) === trainingEnvironment && environmentOf(next.platform.baseUrl) !== trainingEnvironment
  if (leftTraining) audit.append({ type: 'training-left', operatorId: change.operatorId, details: { platform: changes.find((c) => c.field === 'platform.baseUrl')?.to ?? null } })
}
