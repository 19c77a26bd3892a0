import { describe, expect, it } from 'vitest'
import type { CaptureForm, SlotState } from '../../../../shared/contract/intake'
import { issue } from '../../../../shared/identity'
import { checkBeforeQueue } from './queue-check'

const slot = (name: 'front' | 'back' | 'hand'): SlotState => ({
  slot: name, sha256: 'a'.repeat(64), width: 1600, height: 1000, bytes: 1234, previewDataUrl: 'data:image/jpeg;base64,AAAA', issues: [], overrideReason: null,
})
const form: CaptureForm = {
  identity: {
    country: 'CHN', surname: '司马', givenName: '相如', documentType: 'id_card', documentNumber: '510105198804120010', birthday: '1988-04-12',
    gender: 'male', chineseMainland: true, issueDate: '2018-05-01', validity: { kind: 'until', expiryDate: '2038-05-01' }, mrz: '',
  },
  consent: true,
  overrides: [],
}
const base = { form, hasBinding: true, slots: { front: slot('front'), back: slot('back'), hand: slot('hand') }, today: '2026-12-05', locale: 'zh-CN' as const }

describe('checkBeforeQueue with a chip read', () => {
  it('queues a form the chip filled', () => {
    expect(checkBeforeQueue(base)).toMatchObject({ ok: true })
  })

  // The screen words identity issues in the operator's language from its own check; main's copy is for the log.
  it('refuses a permit card the platform does not take, naming the card', () => {
    const checked = checkBeforeQueue({ ...base, chipIssues: [issue('documentType', 'chip.card-not-accepted', { kind: 'hmt-permit' })] })
    expect(checked).toMatchObject({ ok: false, issues: [{ code: 'chip.card-not-accepted', severity: 'error', identity: { code: 'chip.card-not-accepted' } }] })
  })

  it('needs a reason for an edited chip field, and passes the accepted warning on to the audit log', () => {
    const edited = issue('issueDate', 'chip.edited', { chipValue: '2018-05-01' })
    expect(checkBeforeQueue({ ...base, chipIssues: [edited] })).toMatchObject({ ok: false, issues: [{ code: 'chip.edited', severity: 'warning' }] })
    const withReason = { ...form, overrides: [{ field: 'issueDate' as const, code: 'chip.edited' as const, reason: '芯片日期与纸面不符，以纸面为准' }] }
    expect(checkBeforeQueue({ ...base, form: withReason, chipIssues: [edited] })).toMatchObject({ ok: true, acceptedWarnings: [edited] })
  })
})
