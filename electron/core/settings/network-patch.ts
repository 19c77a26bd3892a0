import type { Settings } from '../../../shared/domain/settings'
import type { SettingsPatch } from './settings-service'

/**
 * The proxy password never goes back to the window (see `withoutSecrets`), so a save that does
 * not name it keeps the one in force; one that clears the user name clears it too. The proxy
 * section is merged field by field, as a form sends only what it shows.
 */
export function withNetworkMerged(current: Settings, patch: SettingsPatch): SettingsPatch {
  const proxy = patch.network?.proxy as Record<string, unknown> | undefined
  if (proxy === undefined || proxy === null || typeof proxy !== 'object') return patch
  const merged: Record<string, unknown> = { ...current.network.proxy, ...proxy }
  if (proxy['password'] === undefined) merged['password'] = merged['username'] === '' ? '' : current.network.proxy.password
  return { ...patch, network: { ...patch.network, proxy: merged as Settings['network']['proxy'] } }
}

/** The settings as the window may see them: the proxy password left out (whether one is set is shown apart). */
export function withoutSecrets(settings: Settings): Settings {
  return { ...settings, network: { ...settings.network, proxy: { ...settings.network.proxy, password: '' } } }
}
