import { describe, expect, it } from 'vitest'
import { Redactor } from '../log/redact'
import { commitFor } from './commit-outcome'
import { redactOutcome } from './step-outcome'

describe('redactOutcome', () => {
  const redactor = new Redactor()
  redactor.addSecret('tk_live_9f8e7d6c5b4a')
  const policy = { baseMs: 100, capMs: 1000 }

  it('masks a token or ID number the platform quoted back before it is stored and shown', () => {
    const refused = redactOutcome({ kind: 'attention', errorKind: 'refused', code: '-1', message: '证件号 11010519491231002X 与令牌 tk_live_9f8e7d6c5b4a 不匹配' }, (t) => redactor.text(t))
    const redacted = commitFor(refused, 1, 0, policy, () => 0.5)
    expect(JSON.stringify(redacted)).not.toContain('11010519491231002X')
    expect(JSON.stringify(redacted)).not.toContain('tk_live_9f8e7d6c5b4a')
    expect(JSON.stringify(redacted)).toContain('不匹配')
  })

  it('leaves a successful step alone', () => {
    expect(redactOutcome({ kind: 'done' }, () => 'x')).toEqual({ kind: 'done' })
  })
})
