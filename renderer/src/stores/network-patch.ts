import type { SettingsPatchRequest } from '../../../shared/contract'
import type { Settings } from '../../../shared/domain/settings'

/** The network section of a save: the saved proxy password never comes back to the form, so an empty field means "keep it". */
export function networkPatch(network: Settings['network']): NonNullable<SettingsPatchRequest['network']> {
  const { password, ...proxy } = network.proxy
  return { caFile: network.caFile, proxy: password === '' ? proxy : network.proxy }
}
