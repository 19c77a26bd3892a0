import { describe, expect, it } from 'vitest'
import { defaultSettings } from '../../../shared/domain/settings'
import { Redactor } from '../log/redact'
import { redactProxyPassword } from './proxy-secret'

describe('the proxy password in logs', () => {
  it('is redacted while in force, and only the one in force is kept', () => {
    const redactor = new Redactor()
    const withPassword = (password: string) => ({ ...defaultSettings.network, proxy: { ...defaultSettings.network.proxy, password } })
    redactProxyPassword(redactor, withPassword('hunter2-old'))
    expect(redactor.text('auth failed for hunter2-old')).not.toContain('hunter2-old')
    redactProxyPassword(redactor, withPassword('hunter2-new'))
    expect(redactor.text('auth failed for hunter2-new')).not.toContain('hunter2-new')
    expect(redactor.size()).toBe(1)
  })
})
