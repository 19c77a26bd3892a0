import { describe, expect, it } from 'vitest'
import type { CaptureForm } from '../../../../shared/contract/intake'
import type { ChipCard } from '../../../../shared/domain/id-card'
import { settingsSchema } from '../../../../shared/domain/settings'
import { unresolvedIssues } from '../../../../shared/identity'
import { chipIdentity } from '../../../../shared/identity/chip-identity'
import { proposeNameSplit } from '../../../../shared/identity/chip-name-split'
import { chipQueueRules } from './chip-queue-rules'

const card: ChipCard = {
  kind: 'resident', nameZh: '阿依古丽·买买提', nameEn: null, sexCode: '2', ethnicityCode: '05', ethnicityName: '维吾尔', nationality: null,
  birth: '19950308', number: '650102199503080027', address: '新疆乌鲁木齐市样本路1号', authority: '乌鲁木齐市公安局',
  validFrom: '20150310', validTo: '20350310', passNumber: null, issueCount: null,
}

describe('chipQueueRules', () => {
  const settings = settingsSchema.parse({})
  const rules = chipQueueRules({ chipFor: (id) => (id === 'a1' ? card : null), forget: () => undefined }, () => settings)
  const split = proposeNameSplit(card.nameZh ?? '')
  const form = (overrides: CaptureForm['overrides']): CaptureForm => ({ identity: chipIdentity(card, split), consent: true, overrides })

  it('holds a chip draft whose name split nobody confirmed out of the queue, whatever the screen sent', () => {
    const issues = rules.issuesFor('a1', form([]))
    expect(unresolvedIssues(issues, [])).toEqual([
      { field: 'surname', code: 'chip.split-unconfirmed', severity: 'warning', params: { surname: '阿依古丽', givenName: '买买提' } },
    ])
  })

  it('queues it once the operator confirmed the split (the override, with its reason, goes to the audit log)', () => {
    const overrides = [{ field: 'surname' as const, code: 'chip.split-unconfirmed' as const, reason: '操作员已核对证件确认姓名拆分' }]
    expect(unresolvedIssues(rules.issuesFor('a1', form(overrides)), overrides)).toEqual([])
  })

  it('adds nothing to a draft the reader never filled', () => {
    expect(rules.issuesFor('other', form([]))).toEqual([])
  })
})
