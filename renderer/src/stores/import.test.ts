import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { ImportPreview } from '../../../shared/contract'
import { fakeKyc } from '../test-support/fake-kyc'
import { useImportStore } from './import'
import { useInboxStore } from './inbox'

const preview: ImportPreview = {
  ok: true,
  format: 'csv',
  encoding: 'utf-8',
  summary: { total: 4, ready: 2, needsReview: 1, invalid: 1 },
  rows: [],
  notes: [],
}

let kyc: ReturnType<typeof fakeKyc>

beforeEach(() => {
  setActivePinia(createPinia())
  kyc = fakeKyc()
  kyc.answer('import:choose', ({ what }) => ({ manifestPath: '/m/manifest.csv', imagesDir: what === 'images' ? '/m/scans' : '/m/images', imagesBesideManifest: true }))
  kyc.answer('import:preview', () => preview)
  kyc.answer('import:commit', () => ({ imported: 2, rejected: 2, rows: [] }))
})

describe('import store', () => {
  it('previews what main chose, counts warning rows only once a reason is given, and needs consent to queue', async () => {
    const store = useImportStore()
    await store.choose('manifest')
    expect(store.selection).toEqual({ manifestPath: '/m/manifest.csv', imagesDir: '/m/images', imagesBesideManifest: true })
    await store.runPreview()
    expect(store.importable).toBe(2)
    expect(store.canCommit).toBe(false)
    store.options.consent = true
    expect(store.canCommit).toBe(true)
    store.options.acceptWarningsReason = '  checked originals '
    expect(store.importable).toBe(3)

    await store.commit()
    expect(kyc.callsTo('import:commit')).toEqual([{ queue: true, consent: true, acceptWarningsReason: 'checked originals' }])
    expect(store.result?.imported).toBe(2)
    expect(store.preview).toBeNull()
  })

  it('imports as drafts without consent when not queueing, and sends no empty reason', async () => {
    const store = useImportStore()
    await store.choose('manifest')
    await store.runPreview()
    store.options.queue = false
    store.options.acceptWarningsReason = '   '
    await store.commit()
    expect(kyc.callsTo('import:commit')).toEqual([{ queue: false, consent: false, acceptWarningsReason: null }])
  })

  it('a new manifest drops the old preview; progress shows only while something runs', async () => {
    const store = useImportStore()
    await store.choose('manifest')
    await store.runPreview()
    kyc.emit('import:progress', { phase: 'preview', done: 1, total: 4 })
    expect(store.progress).toBeNull()
    kyc.answer('import:choose', () => ({ manifestPath: '/other.xlsx', imagesDir: null, imagesBesideManifest: true }))
    await store.choose('manifest')
    expect(store.preview).toBeNull()

    let during: unknown = 'unset'
    kyc.answer('import:preview', () => {
      kyc.emit('import:progress', { phase: 'preview', done: 2, total: 4 })
      during = store.progress
      return preview
    })
    await store.runPreview()
    expect(during).toEqual({ phase: 'preview', done: 2, total: 4 })
    expect(store.progress).toBeNull()
  })

  it('shows a typed error from main', async () => {
    kyc.answer('import:preview', () => {
      throw { code: 'INVALID_INPUT', message: 'Choose a manifest first' }
    })
    const store = useImportStore()
    await store.runPreview()
    expect(store.error).toEqual({ code: 'INVALID_INPUT', message: 'Choose a manifest first' })
    expect(store.phase).toBe('idle')
  })
})

describe('inbox store', () => {
  const slots = { front: null, back: null, hand: null }

  it('assigns a scanned file to the draft being captured (made first if need be) and shows main\'s slots', async () => {
    kyc.answer('capture:save', () => ({ id: '0190aaaa-draft', reference: 'R1', updatedAt: 1 }))
    kyc.answer('inbox:list', () => ({ configured: true, problem: null, items: [] }))
    kyc.answer('inbox:assign', () => ({ ok: true, slots }))
    const inbox = useInboxStore()
    expect(await inbox.assign('item-1', 'back', null)).toBe(true)
    expect(kyc.callsTo('inbox:assign')).toEqual([{ itemId: 'item-1', applicantId: '0190aaaa-draft', slot: 'back', overrideReason: null }])
  })

  it('keeps main\'s reason when an assignment is refused, and lists again when the inbox changes', async () => {
    kyc.answer('capture:save', () => ({ id: '0190aaaa-draft', reference: 'R1', updatedAt: 1 }))
    kyc.answer('inbox:list', () => ({ configured: true, problem: null, items: [] }))
    kyc.answer('inbox:assign', () => ({ ok: false, code: 'needs-override', reason: { key: 'scannerInbox.needs-override' } }))
    const inbox = useInboxStore()
    expect(await inbox.assign('item-2', 'front', null)).toBe(false)
    expect(inbox.refusals['item-2']).toEqual({ key: 'scannerInbox.needs-override' })
    const before = kyc.callsTo('inbox:list').length
    kyc.emit('inbox:changed', {})
    await Promise.resolve()
    expect(kyc.callsTo('inbox:list').length).toBe(before + 1)
  })
})
