import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLogger } from './logger'
import { maskTail, Redactor } from './redact'

describe('Redactor', () => {
  it('redacts fields whose names are secret, at any depth', () => {
    const r = new Redactor()
    expect(r.value({ token: 'abc', nested: { AccessKeySecret: 'x', SecurityToken: 'y', path: '/user/getsts' } })).toEqual({
      token: '[redacted]',
      nested: { AccessKeySecret: '[redacted]', SecurityToken: '[redacted]', path: '/user/getsts' },
    })
  })

  it('never writes out an ID card chip read, its photo or the vendor fields', () => {
    const chip = { card: { nameZh: '欧阳娜娜', number: 'USA118503150017' }, identityPic: '/9j/4AAQ', Base64Photo: '/9j/', partyName: '欧阳娜娜', baseMessage: 'AAAA', outcome: 'read' }
    expect(new Redactor().value(chip)).toEqual({
      card: '[redacted]', identityPic: '[redacted]', Base64Photo: '[redacted]', partyName: '[redacted]', baseMessage: '[redacted]', outcome: 'read',
    })
  })

  it('masks values registered at run time wherever they appear', () => {
    const r = new Redactor()
    r.addSecret('tk_8c1f0e9d7b6a5f4e')
    expect(r.text('platform said: bad token tk_8c1f0e9d7b6a5f4e for user')).toBe(`platform said: bad token ${maskTail('tk_8c1f0e9d7b6a5f4e')} for user`)
  })

  it('masks anything shaped like an ID number or an STS key id', () => {
    const r = new Redactor()
    expect(r.text('id 11010519491231002X refused')).toBe('id ••••002X refused')
    expect(r.text('key STS.NUgYrLnoC37mZZCNnAbez2 expired')).toBe('key STS.•••• expired')
  })

  it('keeps an error readable without its stack', () => {
    const out = new Redactor().value(new Error('uid 9223372036854775807 not found')) as Record<string, unknown>
    expect(out).toEqual({ name: 'Error', message: expect.stringContaining('not found'), code: undefined })
    expect(JSON.stringify(out)).not.toContain('9223372036854775807')
  })
})

describe('logger', () => {
  it('writes only redacted lines to its file and keeps warnings for diagnostics', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kyc-log-'))
    try {
      const redactor = new Redactor()
      redactor.addSecret('secret-token-123456')
      const log = createLogger({ redactor, file: join(dir, 'k.log') })
      log.warn('platform.refused', { token: 'secret-token-123456', message: 'token secret-token-123456 expired', idNumber: '11010519491231002X' })
      const text = readFileSync(join(dir, 'k.log'), 'utf8')
      expect(text).not.toContain('secret-token-123456')
      expect(text).not.toContain('11010519491231002X')
      expect(log.recent()).toHaveLength(1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
