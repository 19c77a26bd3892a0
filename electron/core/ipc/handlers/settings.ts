import type { SettingsView } from '../../../../shared/contract/settings'
import { addDemoApplicants } from '../../app/demo-applicants'
import { testConnection } from '../../app/connection-test'
import { platformWiring } from '../../app/sync-controller'
import { resolveEndpoints, type TrainingEndpoints } from '../../app/training-mode'
import { KycError } from '../../errors/kyc-error'
import { maskTail } from '../../log/redact'
import type { PlatformClientOptions } from '../../platform-client/platform-client'
import type { KycStore } from '../../queue/store'
import type { SettingsPatch, SettingsService } from '../../settings/settings-service'
import { assertScannerFolderUsable } from '../../intake/scanner-folder/folder-setting'
import { assertKeyFitForLive } from '../../vault/live-data-guard'
import { settingChanges } from '../../settings/setting-changes'
import { isAdminOnlySetting } from '../../../../shared/domain/settings-access'
import type { HandlerGroup } from '../handler-table'

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
}

type Channels = 'settings:get' | 'settings:update' | 'settings:test-connection' | 'training:add-demo-applicants'

/**
 * The request's sections are loose records (see settingsPatchSchema); the service merges them
 * into the current settings and validates the whole document, so nothing unchecked is kept.
 */
function asPatch(request: object): SettingsPatch {
  return request as SettingsPatch
}

/** Settings, the connection test, and training mode's demo customers. */
export function settingsHandlers(deps: SettingsHandlerDeps): HandlerGroup<Channels> {
  const view = (): SettingsView => {
    const settings = deps.settings.get()
    const training = deps.training()
    const trainingMode = resolveEndpoints(settings, training).trainingMode
    return {
      settings,
      trainingMode,
      demoAccounts: trainingMode && training ? training.users.map((u, index) => ({ index, uidMasked: maskTail(u.uid) })) : [],
    }
  }
  return {
    'settings:get': () => view(),
    'settings:update': async (patch) => {
      const next = deps.settings.preview(asPatch(patch))
      const changes = settingChanges(deps.settings.get(), next)
      const adminOnly = changes.filter((c) => isAdminOnlySetting(c.field)).map((c) => c.field)
      // Judged on what would really change, so saving a section with an admin field untouched is fine.
      if (adminOnly.length > 0) deps.requireAdmin(`settings:${adminOnly.join(',')}`)
      assertKeyFitForLive(deps.store.keyProtection, next.platform.baseUrl)
      if (changes.some((c) => c.field === 'intake.scannerFolder')) await assertScannerFolderUsable(next.intake.scannerFolder, deps.dataDir)
      if (changes.length === 0) return view()
      deps.settings.update(asPatch(patch))
      // Who pointed the app at another platform, or shortened retention, and from what, must be on record.
      deps.store.events.append({
        type: 'settings-changed',
        operatorId: deps.operatorId(),
        details: { changed: changes.map((c) => c.field), changes: changes.map((c) => ({ field: c.field, from: c.from, to: c.to })) },
      })
      return view()
    },
    'settings:test-connection': async ({ patch, account }) => {
      const settings = patch ? deps.settings.preview(asPatch(patch)) : deps.settings.get()
      const training = deps.training()
      const endpoints = resolveEndpoints(settings, training)
      const { platform, oss } = platformWiring(settings, endpoints, deps.onPlatformCall)
      const demo = endpoints.trainingMode ? (training?.users[0] ?? null) : null
      return testConnection({ settings, endpoints, platform, oss, account: account ?? demo, clock: deps.clock })
    },
    'training:add-demo-applicants': async ({ count }) => {
      const training = deps.training()
      if (!training || !view().trainingMode) throw new KycError('CONFLICT', 'Demo customers exist only in training mode', undefined, { key: 'settings.demoOnly' })
      return { created: await addDemoApplicants(deps.store, training, count, deps.operatorId(), deps.clock()) }
    },
  }
}
