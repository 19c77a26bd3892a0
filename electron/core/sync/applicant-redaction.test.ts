import { afterEach, describe, expect, it } from 'vitest'
import { applicantRedactions } from '../log/applicant-redactions'
import { maskTail, Redactor } from '../log/redact'
import { passportIdentity } from '../queue/test-fixtures'
import { statusReport } from '../reports/status-report'
import { image, queueApplicant } from './test-support/applicants'
import { engineHarness, type EngineHarness } from './test-support/engine-harness'

let h: EngineHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const binding = (n: number) => ({ uid: String(1_000_000_000_000_000 + n), token: `token-of-${n}-secret` })

describe('finding 7: platform messages lose the applicant\'s own identity values, and the redactor does not grow', () => {
  it('masks a passport number and the name a refusal quotes, in the stored step error, the export and the log', async () => {
    h = await engineHarness()
    const { id } = await h.store.applicants.create({
      identity: passportIdentity,
      binding: binding(1),
      images: { front: image(1, 'front'), back: image(1, 'back'), hand: image(1, 'hand') },
      operatorId: null,
      consent: { version: 'test-1', at: 0 },
    })
    expect(h.store.applicants.queue(id, null).ok).toBe(true)
    const quoted = `Passport X93751846 of Percival Fotheringham (FOTHERINGHAM, PERCIVAL) does not match the holder`
    h.platform.script = (op) => (op === 'authnew:1' ? { kind: 'refused', status: -1, message: quoted } : undefined)
    h.engine.start()
    await h.clock.until(() => h!.status(id) === 'needs-attention')

    const stored = h.store.applicants.summary(id)?.lastError?.message ?? ''
    expect(stored).toContain('does not match the holder')
    const report = statusReport(h.store, { includePersonalData: false, timeZone: 'Asia/Shanghai' }).csv
    const logged = JSON.stringify(h.logs)
    for (const text of [stored, report, logged]) {
      for (const value of ['X93751846', 'Percival', 'FOTHERINGHAM', 'fotheringham']) expect(text.toLowerCase()).not.toContain(value.toLowerCase())
    }
    expect(stored).toBe('Passport ••••1846 of •••• (••••) does not match the holder')
  })

  it('forgets an applicant\'s token and verify token once its run ends', async () => {
    h = await engineHarness()
    const ids = await Promise.all([1, 2, 3, 4].map((n) => queueApplicant(h!.store, n, binding(n), { livenessAuto: true })))
    h.engine.start()
    await h.clock.until(() => ids.every((id) => h!.status(id) === 'liveness-pending'), { stepMs: 10 })
    for (const n of [1, 2, 3, 4]) h.platform.held.get(binding(n).uid)!.passed = true
    for (const id of ids) h.engine.checkLiveness(id)
    await h.clock.until(() => ids.every((id) => h!.status(id) === 'verified'), { stepMs: 10 })
    await h.clock.advance(1_000)
    // Nothing of the four customers is remembered: neither tokens nor verify tokens nor STS secrets.
    expect(h.redactor.size()).toBe(0)
  })
})

describe('finding 7: applicantRedactions', () => {
  const r = new Redactor()
  const redact = (text: string, who = passportIdentity) => r.text(text, applicantRedactions({ identity: who }))

  it('masks a Chinese name inside Chinese text, and leaves a one-character surname alone', () => {
    const who = { surname: '张', givenName: '三丰', documentNumber: 'E12345678' }
    expect(r.text('姓名张三丰与证件E12345678不符，张先生请重试', applicantRedactions({ identity: who }))).toBe('姓名••••与证件••••5678不符，张先生请重试')
  })

  it('masks a Latin name only as a whole word', () => {
    const who = { surname: 'Li', givenName: 'An', documentNumber: 'P1234567' }
    expect(r.text('Change for AN LI refused; li an again', applicantRedactions({ identity: who }))).toBe('Change for •••• refused; •••• again')
  })

  it('masks the applicant\'s token, registered or not', () => {
    expect(r.text('token tk_live_abc123 refused', applicantRedactions({ identity: passportIdentity, binding: { token: 'tk_live_abc123' } }))).toBe(`token ${maskTail('tk_live_abc123')} refused`)
  })

  it('leaves a message without the applicant\'s values as it was', () => {
    expect(redact('signature mismatch')).toBe('signature mismatch')
  })
})
