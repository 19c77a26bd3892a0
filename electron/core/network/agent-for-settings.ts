import type { NetworkSettings } from '../../../shared/domain/network-settings'
import { createRequestAgent, type RequestAgent, type SystemProxyResolver } from './agents'
import { readCaFile } from './ca-file'

/**
 * The request agent for the network settings. Training mode talks to the built-in sandbox on
 * this machine, which no proxy can reach, so it goes direct. A CA file that became unreadable
 * after it was checked adds nothing: requests then fail as "certificate not trusted", which
 * names the fix.
 */
export function agentForSettings(network: NetworkSettings, options: { trainingMode: boolean; systemProxy?: SystemProxyResolver | undefined }): RequestAgent {
  const ca = network.caFile === '' ? null : readCaFile(network.caFile)
  return createRequestAgent({
    proxy: options.trainingMode ? { ...network.proxy, mode: 'none' } : network.proxy,
    extraCa: ca?.ok ? ca.certificates : [],
    systemProxy: options.systemProxy,
  })
}
