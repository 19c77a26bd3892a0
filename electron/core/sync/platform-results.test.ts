import { describe, expect, it } from 'vitest'
import { Redactor } from '../log/redact'
import { redactResult } from './platform-results'

describe('redactResult', () => {
  const redactor = new Redactor()
  redactor.addSecret('tk_live_9f8e7d6c5b4a')

  it('masks a token or ID number the platform quoted back before it is stored and shown', () => {
    const refused = redactResult({ kind: 'attention', errorKind: 'refused', code: '-1', message: '证件号 11010519491231002X 与令牌 tk_live_9f8e7d6c5b4a 不匹配' }, (t) => redactor.text(t))
    expect(JSON.stringify(refused)).not.toContain('11010519491231002X')
    expect(JSON.stringify(refused)).not.toContain('tk_live_9f8e7d6c5b4a')
    expect(JSON.stringify(refused)).toContain('不匹配')
  })

  it('leaves a successful step alone', () => {
    expect(redactResult({ kind: 'done' }, () => 'x')).toEqual({ kind: 'done' })
  })
})
