import { describe, expect, it } from 'vitest'
import { defaultSettings } from '../../../shared/domain/settings'
import { isAdminOnlySetting } from '../../../shared/domain/settings-access'
import { settingChanges } from './setting-changes'

describe('network settings in the audit log', () => {
  it('records that the proxy password changed, never its value', () => {
    const after = { ...defaultSettings, network: { ...defaultSettings.network, proxy: { ...defaultSettings.network.proxy, mode: 'manual' as const, url: 'http://proxy.bank.example:8080', username: 'branch-07', password: 'hunter2' } } }
    const changes = settingChanges(defaultSettings, after)
    expect(changes).toContainEqual({ field: 'network.proxy.password', from: '(hidden)', to: '(hidden)' })
    expect(changes).toContainEqual({ field: 'network.proxy.mode', from: 'system', to: 'manual' })
    expect(JSON.stringify(changes)).not.toContain('hunter2')
  })

  it('are for an admin to change', () => {
    for (const field of ['network.proxy.url', 'network.proxy.password', 'network.caFile']) expect(isAdminOnlySetting(field)).toBe(true)
  })
})
