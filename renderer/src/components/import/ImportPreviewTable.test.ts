import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ImportPreview } from '../../../../shared/contract'
import { createAppI18n } from '../../i18n'
import { fakeKyc } from '../../test-support/fake-kyc'
import ImportPreviewTable from './ImportPreviewTable.vue'

const small = 'data:image/jpeg;base64,c21hbGw='
const large = 'data:image/jpeg;base64,bGFyZ2U='

const preview: Extract<ImportPreview, { ok: true }> = {
  ok: true,
  format: 'csv',
  encoding: 'utf-8',
  summary: { total: 2, ready: 1, needsReview: 0, invalid: 1 },
  notes: [],
  rows: [
    { row: 2, status: 'ready', label: '李* ····1239', documentType: 'id_card', images: { front: true, back: true, hand: true }, problems: [] },
    {
      row: 3,
      status: 'invalid',
      label: '陈* ····0427',
      documentType: 'id_card',
      // The hand-held file is broken: no image, and the decode problem says why.
      images: { front: true, back: true, hand: false },
      problems: [
        { field: 'hand', code: 'image.corrupt', severity: 'error', words: 'reason', reason: { key: 'imageFile.corrupt' }, detail: null },
      ],
    },
  ],
}

/** An IntersectionObserver the test scrolls: `reveal` brings every observed element into view. */
function fakeViewport() {
  const observers = new Set<{ callback: IntersectionObserverCallback; targets: Element[]; self: IntersectionObserver }>()
  class FakeObserver {
    constructor(callback: IntersectionObserverCallback) {
      observers.add({ callback, targets: [], self: this as unknown as IntersectionObserver })
    }
    observe(target: Element): void {
      for (const o of observers) if (o.self === (this as unknown)) o.targets.push(target)
    }
    disconnect(): void {
      for (const o of observers) if (o.self === (this as unknown)) observers.delete(o)
    }
  }
  vi.stubGlobal('IntersectionObserver', FakeObserver)
  return {
    reveal(): void {
      for (const o of [...observers]) o.callback(o.targets.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry), o.self)
    },
  }
}

describe('the import preview’s images', () => {
  let kyc: ReturnType<typeof fakeKyc>
  let viewport: ReturnType<typeof fakeViewport>

  beforeEach(() => {
    viewport = fakeViewport()
    kyc = fakeKyc()
    kyc.answer('import:thumbnail', ({ slot, size }) => ({ slot, dataUrl: size === 'view' ? large : small, width: 160, height: 101 }))
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.replaceChildren()
  })

  async function mounted() {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)', component: { template: '<p />' } }] })
    const wrapper = mount(ImportPreviewTable, { props: { preview }, attachTo: document.body, global: { plugins: [createAppI18n('en'), ElementPlus, router] } })
    await flushPromises()
    return wrapper
  }
  async function revealed() {
    const wrapper = await mounted()
    viewport.reveal()
    await flushPromises()
    return wrapper
  }

  it('asks main for no thumbnail until its row is in view', async () => {
    await mounted()
    expect(kyc.callsTo('import:thumbnail')).toEqual([])
  })

  it('shows a small thumbnail for every decoded image and the decode problem, not a thumbnail, for a broken one', async () => {
    const wrapper = await revealed()
    const thumbs = wrapper.findAll('[data-testid="import-thumb"]')
    expect(thumbs.map((t) => t.attributes('data-slot'))).toEqual(['front', 'back', 'hand', 'front', 'back'])
    expect(thumbs.every((t) => t.find('img').attributes('src') === small)).toBe(true)
    expect(kyc.callsTo('import:thumbnail')).toContainEqual({ row: 3, slot: 'front' })
    expect(kyc.callsTo('import:thumbnail')).not.toContainEqual(expect.objectContaining({ row: 3, slot: 'hand' }))
    expect(wrapper.text()).toContain('Hand-held photo (missing)')
    expect(wrapper.text()).toContain('Hand-held photo: The image is damaged and cannot be read')
  })

  it('opens the shared image viewer at the larger size when a thumbnail is clicked', async () => {
    const wrapper = await revealed()
    expect(document.querySelector('.el-image-viewer__wrapper')).toBeNull()
    const open = wrapper.findAll('[data-testid="open-viewer"]')[1]!
    expect(open.attributes('aria-label')).toBe('View larger: Row 2, Document back')
    await open.trigger('click')
    await flushPromises()
    expect(kyc.callsTo('import:thumbnail')).toContainEqual({ row: 2, slot: 'back', size: 'view' })
    const viewer = document.querySelector('.el-image-viewer__wrapper')
    expect(viewer).not.toBeNull()
    expect(viewer?.querySelector('[data-testid="viewer-rotate"]')).not.toBeNull()
    expect(viewer?.querySelector('img.el-image-viewer__img')?.getAttribute('src')).toBe(large)
  })

  it('says so when main cannot render an image, instead of a broken picture', async () => {
    kyc.answer('import:thumbnail', () => {
      throw { code: 'UNAVAILABLE', message: 'cannot show' }
    })
    const wrapper = await revealed()
    expect(wrapper.findAll('[data-testid="open-viewer"]')).toHaveLength(0)
    expect(wrapper.findAll('[data-testid="import-thumb"]')[0]?.text()).toBe('Cannot show')
  })
})
