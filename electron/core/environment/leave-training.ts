import { environmentOf, trainingEnvironment } from '../../../shared/domain/environment'
import { connectionTestFreshMinutes, leaveTrainingItems, type LeaveTrainingItem } from '../../../shared/domain/leave-training'
import type { Settings } from '../../../shared/domain/settings'
import { KycError } from '../errors/kyc-error'

/** The last connection test run: which platform and OSS it tried, when, and whether both halves passed. */
export interface ConnectionTestRecord {
  readonly target: string
  readonly at: number
  readonly passed: boolean
}

/** The platform and OSS a test (or a switch) is about: a test of other addresses proves nothing for these. */
export function connectionTarget(settings: Settings): string {
  return JSON.stringify([environmentOf(settings.platform.baseUrl), settings.oss.endpoint, settings.oss.region, settings.oss.addressing])
}

export interface ChecklistItem {
  readonly item: LeaveTrainingItem
  readonly ok: boolean
}

/** Each item for leaving training mode with these (unsaved) settings. */
export function leaveTrainingChecklist(next: Settings, lastTest: ConnectionTestRecord | null, now: number): ChecklistItem[] {
  const urlSet = environmentOf(next.platform.baseUrl) !== trainingEnvironment
  const checks: Record<LeaveTrainingItem, boolean> = {
    'platform-url': urlSet,
    oss: next.oss.endpoint !== '' || next.oss.region !== '',
    'connection-test':
      urlSet &&
      lastTest !== null &&
      lastTest.passed &&
      lastTest.target === connectionTarget(next) &&
      now - lastTest.at <= connectionTestFreshMinutes * 60_000,
  }
  return leaveTrainingItems.map((item) => ({ item, ok: checks[item] }))
}

const words: Record<LeaveTrainingItem, string> = {
  'platform-url': 'the platform address',
  oss: 'an OSS region or endpoint',
  'connection-test': `a passing connection test of these addresses in the last ${connectionTestFreshMinutes} minutes`,
}

/** Refuses the switch to a live platform, naming every item still open. */
export function assertReadyToLeaveTraining(checklist: readonly ChecklistItem[]): void {
  const missing = checklist.filter((c) => !c.ok).map((c) => c.item)
  if (missing.length === 0) return
  throw new KycError(
    'CONFLICT',
    `Training mode can be left only with ${missing.map((m) => words[m]).join(', ')}`,
    missing.map((m) => ({ field: m === 'platform-url' ? 'platform.baseUrl' : m === 'oss' ? 'oss.region' : 'connection-test', code: `leave-training.${m}`, severity: 'error', message: `Missing: ${words[m]}` })),
    { key: 'training.leaveIncomplete', params: { missing: missing.join(','), count: missing.length, minutes: connectionTestFreshMinutes } },
  )
}
