import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { settingsSchema } from '../../../shared/domain/settings'
import type { PrintPageRequest, PrintPageResult, PrintPort } from '../ports'
import { consent, createQueued, identity, openTestStore, type TestStore } from '../queue/test-fixtures'
import { PrintService } from './print-service'

let t: TestStore
beforeEach(async () => (t = await openTestStore()))
afterEach(() => t.cleanup())

function service(answer: PrintPageResult) {
  const asked: PrintPageRequest[] = []
  const printer: PrintPort = { printPage: async (request) => (asked.push(request), answer) }
  const settings = settingsSchema.parse({ branchName: '北京朝阳支行' })
  return { asked, print: new PrintService({ store: t.store, settings: () => settings, printer, operatorId: () => null }) }
}

describe('the customer papers', () => {
  it('show the reference, the masked name and number, the branch and the consent, never the full values', async () => {
    const id = await createQueued(t.store)
    const receipt = service({ kind: 'printed' }).print.receipt(id)
    expect(receipt).toMatchObject({ id, maskedName: '欧*', maskedDocumentNumber: '····002X', branchName: '北京朝阳支行', status: 'queued', consent })
    expect(receipt.reference).toMatch(/^\d{8}-\d{4}$/)
    expect(JSON.stringify(receipt)).not.toContain(identity.documentNumber)
    expect(JSON.stringify(receipt)).not.toContain(identity.givenName)
  })

  it('keep the reference and dates of a purged applicant, with no name or number', async () => {
    const id = await createQueued(t.store)
    t.store.applicants.purge(id, null, 'retention')
    expect(service({ kind: 'printed' }).print.receipt(id)).toMatchObject({ maskedName: null, maskedDocumentNumber: null })
  })

  it('audit a print or a saved PDF with its kind only, and nothing when the operator cancels', async () => {
    const id = await createQueued(t.store)
    const saved = service({ kind: 'saved', location: '/home/teller/欧阳明轩.pdf' })
    expect(await saved.print.print({ id, document: 'consent', output: 'pdf' })).toEqual({ outcome: 'saved', location: '/home/teller/欧阳明轩.pdf' })
    expect(saved.asked).toEqual([{ document: 'consent', applicantId: id, reference: expect.stringMatching(/^\d{8}-\d{4}$/), output: 'pdf' }])
    expect(await service({ kind: 'cancelled' }).print.print({ id, document: 'receipt', output: 'printer' })).toEqual({ outcome: 'cancelled', location: null })
    expect(await service({ kind: 'browser' }).print.print({ id, document: 'receipt', output: 'printer' })).toEqual({ outcome: 'browser', location: null })
    const events = t.store.events.listForApplicant(id).filter((e) => e.type.endsWith('-printed'))
    expect(events.map((e) => [e.type, e.details])).toEqual([
      ['consent-printed', { output: 'pdf', outcome: 'saved' }],
      ['receipt-printed', { output: 'printer', outcome: 'browser' }],
    ])
    expect(JSON.stringify(events)).not.toContain('欧阳')
  })

  it('refuse an applicant that does not exist', async () => {
    await expect(service({ kind: 'printed' }).print.print({ id: 'missing-applicant', document: 'receipt', output: 'printer' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
