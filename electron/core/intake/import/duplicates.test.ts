import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consent } from '../../queue/test-fixtures'
import { openHarness, ready, type ImportHarness } from './test-fixtures/harness'
import { applicants, csvText, imageFolder, manifestRows, recordOf, today, writeCsv } from './test-fixtures/manifests'
import { problemWords } from './test-fixtures/words'

/**
 * A manifest row for a customer the queue already holds (the same platform account, or the same
 * document) is warned about before anything is queued, with the capture's own check and words,
 * and imports only with the operator's reason, which the audit log keeps with the other applicant.
 */
let folder: { dir: string; images: string }
let h: ImportHarness
let manifest: string
let existing: { id: string; reference: string }

beforeAll(async () => {
  folder = await imageFolder()
  h = await openHarness()
  const [li, chen] = applicants.map(recordOf)
  if (!li || !chen) throw new Error('fixtures')
  manifest = join(folder.dir, 'first.csv')
  writeCsv(manifest, csvText(manifestRows([li])), 'utf-8')
  const first = await h.importer.commit(ready(await h.importer.preview(manifest, folder.images, { today })), { operatorId: 'op-1', consent, queue: true })
  const row = first.rows[0]
  if (row?.outcome !== 'imported') throw new Error('first import failed')
  existing = { id: row.applicantId, reference: row.reference }
  // The same customer again, and another customer under the first one's platform account.
  writeCsv(manifest, csvText(manifestRows([li, { ...chen, uid: li.uid, token: li.token }])), 'utf-8')
})
afterAll(() => h.close())

describe('duplicates in the batch import', () => {
  it('warns on each row, before queueing, naming and linking the applicant already in the queue', async () => {
    const preview = ready(await h.importer.preview(manifest, folder.images, { today }))
    expect(preview.rows.map((r) => r.status)).toEqual(['needs-review', 'needs-review'])
    const [same, sharedAccount] = preview.rows.map((r) => r.problems.filter((p) => p.code.startsWith('duplicate.')))
    expect(same).toEqual([
      {
        field: 'uid',
        code: 'duplicate.uid',
        severity: 'warning',
        words: 'reason',
        reason: { key: 'capture.duplicate.uid', params: { reference: existing.reference } },
        detail: null,
        applicant: existing,
      },
    ])
    const [duplicate] = same ?? []
    expect(duplicate && problemWords(duplicate, 'en')).toBe(`Platform uid: Applicant ${existing.reference} is bound to the same platform account`)
    expect(duplicate && problemWords(duplicate, 'zh-CN')).toBe(`平台用户 ID：申请 ${existing.reference} 已绑定同一平台账户`)
    expect(sharedAccount?.map((p) => [p.code, p.applicant?.id])).toEqual([['duplicate.uid', existing.id]])
  })

  it('queues nothing without a reason, and goes on with one, audited with the other applicant', async () => {
    const refused = await h.importer.commit(ready(await h.importer.preview(manifest, folder.images, { today })), { operatorId: 'op-1', consent, queue: true })
    expect(refused.imported).toBe(0)
    expect(refused.rows.every((r) => r.outcome === 'rejected' && r.problems.some((p) => p.code === 'row.needs-override'))).toBe(true)

    const reason = 'Customer re-onboarded after a name change'
    const accepted = await h.importer.commit(ready(await h.importer.preview(manifest, folder.images, { today })), {
      operatorId: 'op-1',
      consent,
      queue: true,
      acceptWarnings: { reason },
    })
    expect(accepted.imported).toBe(2)
    const overrides = h.t.store.events.listAfter(0, 1000).filter((e) => e.type === 'override' && e.details['source'] === 'import')
    expect(overrides.map((e) => e.details)).toEqual([
      { source: 'import', codes: ['duplicate.uid'], reason, duplicates: [{ applicant: existing.id, match: 'uid' }] },
      { source: 'import', codes: ['duplicate.uid'], reason, duplicates: [{ applicant: existing.id, match: 'uid' }] },
    ])
  })
})
