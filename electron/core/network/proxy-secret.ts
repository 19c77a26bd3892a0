import type { NetworkSettings } from '../../../shared/domain/network-settings'
import type { Redactor } from '../log/redact'

const owner = 'settings:proxy-password'

/** Keeps the proxy password in force among the redactor's secrets, so no log line can carry it. */
export function redactProxyPassword(redactor: Redactor, network: NetworkSettings): void {
  redactor.forgetOwner(owner)
  redactor.addSecret(network.proxy.password, owner)
}
