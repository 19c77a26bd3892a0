import { describe, expect, it } from 'vitest'
import { Redactor } from '../log/redact'
import { commitFor, redactCommit } from './commit-outcome'

describe('redactCommit', () => {
  const redactor = new Redactor()
  redactor.addSecret('tk_live_9f8e7d6c5b4a')
  const policy = { baseMs: 100, capMs: 1000 }

  it('masks a token or ID number the platform quoted back before it is stored and shown', () => {
    const refused = commitFor({ kind: 'attention', errorKind: 'refused', code: '-1', message: '证件号 11010519491231002X 与令牌 tk_live_9f8e7d6c5b4a 不匹配' }, 1, 0, policy, () => 0.5)
    const redacted = redactCommit(refused, (t) => redactor.text(t))
    expect(JSON.stringify(redacted)).not.toContain('11010519491231002X')
    expect(JSON.stringify(redacted)).not.toContain('tk_live_9f8e7d6c5b4a')
    expect(JSON.stringify(redacted)).toContain('不匹配')
  })

  it('leaves a successful step alone', () => {
    const done = commitFor({ kind: 'done' }, 1, 0, policy, () => 0.5)
    expect(redactCommit(done, () => 'x')).toEqual(done)
  })
})
