import { afterEach, describe, expect, it } from 'vitest'
import type { ProxySettings } from '../../../shared/domain/network-settings'
import { agentForSettings } from './agent-for-settings'
import { createRequestAgent } from './agents'

const proxy = (over: Partial<ProxySettings>): ProxySettings => ({ mode: 'system', url: '', username: '', password: '', bypass: [], ...over })
const saved = { HTTPS_PROXY: process.env['HTTPS_PROXY'], NO_PROXY: process.env['NO_PROXY'] }
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})

describe('which proxy a request goes through', () => {
  it('manual: the proxy with its credentials, except for the bypass list', async () => {
    const agent = createRequestAgent({ proxy: proxy({ mode: 'manual', url: 'http://proxy.bank.example:8080', username: 'u', password: 'p w', bypass: ['.intranet.example'] }), extraCa: [] })
    expect(await agent.proxyFor('https://kyc.bank.example/user/getsts')).toBe('http://u:p%20w@proxy.bank.example:8080')
    expect(await agent.proxyFor('https://oss.intranet.example/b/k')).toBe('')
  })

  it('none: always direct, whatever the environment says', async () => {
    process.env['HTTPS_PROXY'] = 'http://env-proxy:3128'
    expect(await createRequestAgent({ proxy: proxy({ mode: 'none' }), extraCa: [] }).proxyFor('https://kyc.bank.example/')).toBe('')
  })

  it('system outside Electron: HTTPS_PROXY and NO_PROXY', async () => {
    process.env['HTTPS_PROXY'] = 'http://env-proxy:3128'
    process.env['NO_PROXY'] = 'oss.bank.example'
    const agent = createRequestAgent({ proxy: proxy({}), extraCa: [] })
    expect(await agent.proxyFor('https://kyc.bank.example/')).toBe('http://env-proxy:3128')
    expect(await agent.proxyFor('https://oss.bank.example/')).toBe('')
  })

  it('system in Electron: the session\'s PAC answer, first entry', async () => {
    const asked: string[] = []
    const agent = createRequestAgent({ proxy: proxy({}), extraCa: [], systemProxy: async (url) => (asked.push(url), 'PROXY 10.0.0.8:8080; DIRECT') })
    expect(await agent.proxyFor('https://kyc.bank.example/x')).toBe('http://10.0.0.8:8080')
    expect(asked).toEqual(['https://kyc.bank.example/x'])
  })

  it('training mode goes direct: no proxy reaches the sandbox on this machine', async () => {
    const network = { proxy: proxy({ mode: 'manual', url: 'http://proxy.bank.example:8080' }), caFile: '' }
    expect(await agentForSettings(network, { trainingMode: true }).proxyFor('http://127.0.0.1:17301/')).toBe('')
    expect(await agentForSettings(network, { trainingMode: false }).proxyFor('http://127.0.0.1:17301/')).toBe('http://proxy.bank.example:8080')
  })
})
