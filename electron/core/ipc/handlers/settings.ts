import type { LeaveTrainingChecklist, SettingsView } from '../../../../shared/contract/settings'
import { environmentOf, trainingEnvironment } from '../../../../shared/domain/environment'
import type { Settings } from '../../../../shared/domain/settings'
import { assertReadyToLeaveTraining, connectionTarget, leaveTrainingChecklist, type ConnectionTestRecord } from '../../environment/leave-training'
import { addDemoApplicants } from '../../environment/demo-applicants'
import { testConnection } from '../../environment/connection-test'
import { platformWiring } from '../../sync/sync-controller'
import { resolveEndpoints, type TrainingEndpoints } from '../../environment/training-mode'
import { KycError } from '../../errors/kyc-error'
import { maskTail } from '../../log/redact'
import type { SystemProxyResolver } from '../../network/agents'
import { assertCaFileUsable } from '../../network/ca-file'
import type { PlatformClientOptions } from '../../platform-client/platform-client'
import type { KycStore } from '../../queue/store'
import type { SettingsPatch, SettingsService } from '../../settings/settings-service'
import { assertScannerFolderUsable } from '../../intake/scanner-folder/folder-setting'
import { assertKeyFitForLive } from '../../vault/live-data-guard'
import { withNetworkMerged, withoutSecrets } from '../../settings/network-patch'
import { settingChanges } from '../../settings/setting-changes'
import { saveOperatorSettingsChange } from '../../settings/operator-settings-change'
import { isAdminOnlySetting } from '../../../../shared/domain/settings-access'
import type { settingsChannels } from '../../../../shared/contract/settings'
import type { ChannelsOf, HandlerGroup } from '../handler-table'

export interface SettingsHandlerDeps {
  /** kyc-desk's data folder, which a scanner folder may never be. */
  readonly dataDir: string
  readonly settings: SettingsService
  /** The running sandbox in training mode (it may start later, when the platform URL is cleared). */
  readonly training: () => TrainingEndpoints | null
  readonly store: KycStore
  readonly operatorId: () => string | null
  /** Throws FORBIDDEN (and audits it) unless an admin is signed in. */
  readonly requireAdmin: (what: string) => unknown
  readonly clock: () => number
  /** Sees each platform request of a connection test, for diagnostics. */
  readonly onPlatformCall?: PlatformClientOptions['onCall']
  /** The operating system's proxy lookup (Electron); absent: the environment's proxy variables. */
  readonly systemProxy?: SystemProxyResolver
}

type Channels = ChannelsOf<typeof settingsChannels>

/**
 * The request's sections are loose records (see settingsPatchSchema); the service merges them
 * into the current settings and validates the whole document, so nothing unchecked is kept.
 */
function asPatch(request: object): SettingsPatch {
  return request as SettingsPatch
}

/**
 * A live platform replaced by another while applicants captured for it still wait: the admin
 * must say whether they stay with the old one or move, so none is silently stranded or re-sent.
 */
function waitingApplicantsRefusal(count: number): KycError {
  return new KycError('CONFLICT', `${count} applicant(s) of the current platform still wait to sync: keep them for it, or re-target them to the new platform`, undefined, {
    key: 'platform.waitingApplicants',
    params: { count },
  })
}

/** Settings, the connection test, and training mode's demo customers. */
export function settingsHandlers(deps: SettingsHandlerDeps): HandlerGroup<Channels> {
  // Leaving training mode needs a passing test of the very addresses being saved, recently.
  let lastTest: ConnectionTestRecord | null = null
  const checklist = (next: Settings): LeaveTrainingChecklist => {
    const items = leaveTrainingChecklist(next, lastTest, deps.clock())
    return { trainingMode: environmentOf(deps.settings.get().platform.baseUrl) === trainingEnvironment, items, ready: items.every((i) => i.ok) }
  }
  const view = (): SettingsView => {
    const settings = deps.settings.get()
    const training = deps.training()
    const trainingMode = resolveEndpoints(settings, training).trainingMode
    return {
      settings: withoutSecrets(settings),
      proxyPasswordSet: settings.network.proxy.password !== '',
      trainingMode,
      demoAccounts: trainingMode && training ? training.users.map((u, index) => ({ index, uidMasked: maskTail(u.uid) })) : [],
      trainingApplicants: deps.store.applicants.environments.trainingCount(),
    }
  }
  return {
    'settings:get': () => view(),
    'settings:update': async ({ queuedApplicants, ...patch }) => {
      const before = deps.settings.get()
      const merged = withNetworkMerged(before, asPatch(patch))
      const next = deps.settings.preview(merged)
      const changes = settingChanges(before, next)
      const adminOnly = changes.filter((c) => isAdminOnlySetting(c.field)).map((c) => c.field)
      // Judged on what would really change, so saving a section with an admin field untouched is fine.
      if (adminOnly.length > 0) deps.requireAdmin(`settings:${adminOnly.join(',')}`)
      assertKeyFitForLive(deps.store.keyProtection, next.platform.baseUrl)
      if (changes.some((c) => c.field === 'network.caFile')) assertCaFileUsable(next.network.caFile)
      if (changes.some((c) => c.field === 'intake.scannerFolder')) await assertScannerFolderUsable(next.intake.scannerFolder, deps.dataDir)
      if (changes.length === 0) return view()
      const from = environmentOf(before.platform.baseUrl)
      const to = environmentOf(next.platform.baseUrl)
      const leavingTraining = from === trainingEnvironment && to !== trainingEnvironment
      if (leavingTraining) assertReadyToLeaveTraining(checklist(next).items)
      const waiting = from !== trainingEnvironment && to !== trainingEnvironment && from !== to ? deps.store.applicants.environments.waiting(from).length : 0
      if (waiting > 0 && queuedApplicants === undefined) throw waitingApplicantsRefusal(waiting)
      const operatorId = deps.operatorId()
      const save = (withSave?: () => void) =>
        saveOperatorSettingsChange(
          deps.settings,
          deps.store.events,
          { patch: merged, operatorId, ...(waiting > 0 && queuedApplicants ? { waitingApplicants: { count: waiting, choice: queuedApplicants } } : {}) },
          withSave,
        )
      // Moved in the saving transaction: a failed move leaves the old platform in force, so saving again retries it.
      if (waiting > 0 && queuedApplicants === 'retarget') deps.store.applicants.environments.retarget(from, to, operatorId, save)
      else save()
      return view()
    },
    'settings:test-connection': async ({ patch, account }) => {
      const settings = patch ? deps.settings.preview(withNetworkMerged(deps.settings.get(), asPatch(patch))) : deps.settings.get()
      const training = deps.training()
      const endpoints = resolveEndpoints(settings, training)
      const { platform, oss, network } = platformWiring(settings, endpoints, deps.onPlatformCall, deps.systemProxy)
      const demo = endpoints.trainingMode ? (training?.users[0] ?? null) : null
      try {
        const result = await testConnection({ endpoints, platform, oss, network, account: account ?? demo, clock: deps.clock })
        lastTest = { target: connectionTarget(settings), at: deps.clock(), passed: result.platform.ok && result.oss.ok }
        return result
      } finally {
        network.destroy()
      }
    },
    'training:add-demo-applicants': async ({ count }) => {
      const training = deps.training()
      if (!training || !view().trainingMode) throw new KycError('CONFLICT', 'Demo customers exist only in training mode', undefined, { key: 'settings.demoOnly' })
      return { created: await addDemoApplicants(deps.store, training, count, deps.operatorId(), deps.clock()) }
    },
    'training:leave-checklist': ({ patch }) => checklist(patch ? deps.settings.preview(asPatch(patch)) : deps.settings.get()),
    'training:remove-applicants': () => ({ removed: deps.store.applicants.environments.removeTraining(deps.operatorId()).removed }),
  }
}
