import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CaptureForm, SlotState, Slots } from '../../../../shared/contract/intake'
import type { ImageSlot } from '../../../../shared/domain/images'
import { demoIdentity } from '../../environment/demo-applicants'
import { allImages, binding, openTestStore, type TestStore } from '../../queue/test-fixtures'
import { CaptureService } from './capture-service'

let t: TestStore
beforeEach(async () => {
  t = await openTestStore()
})
afterEach(() => t.cleanup())

/** Each slot holds an image that passed the quality check. */
const passed = (slot: ImageSlot): SlotState => ({
  slot,
  sha256: 'a'.repeat(64),
  width: 1200,
  height: 760,
  bytes: 1000,
  previewDataUrl: 'data:image/jpeg;base64,',
  issues: [],
  overrideReason: null,
})
const slots: Slots = { front: passed('front'), back: passed('back'), hand: passed('hand') }

function service(): CaptureService {
  return new CaptureService({
    store: t.store,
    slots: { view: () => Promise.resolve(slots), remember: () => undefined },
    intake: () => {
      throw new Error('no image is read while queueing')
    },
    clock: () => t.clock.now,
    operatorId: () => 'op-1',
    demoUsers: () => [],
    autoLiveness: () => false,
    syncNow: () => undefined,
    chipReads: { issuesFor: () => [], kindOf: () => 'resident', forget: () => undefined },
  })
}

/** A resident card's identity as the chip gives it: valid, with nothing to override. */
const form: CaptureForm = { identity: { ...demoIdentity(0) }, consent: true, overrides: [] }

describe('queueing a draft an ID card reader filled', () => {
  it('records the chip read in the queueing’s own commit, so whoever sees it queued sees where it came from', async () => {
    const { id } = await t.store.applicants.create({ binding, images: allImages(), operatorId: 'op-1', consent: null })
    let chipEventsAtCommit: number | null = null
    const chipEvents = () => t.store.events.listForApplicant(id).filter((e) => e.type === 'captured' && e.details['source'] === 'id-card-chip')
    t.store.onStepChange((change) => {
      if (change.applicantId === id && change.status === 'queued' && chipEventsAtCommit === null) chipEventsAtCommit = chipEvents().length
    })
    await service().queue(id, form, false)
    expect(chipEventsAtCommit).toBe(1)
    expect(chipEvents()).toEqual([expect.objectContaining({ operatorId: 'op-1', details: { source: 'id-card-chip', kind: 'resident' } })])
  })

  it('records no chip read when the store refuses the queueing', async () => {
    const { id } = await t.store.applicants.create({ binding, images: { front: allImages().front }, operatorId: 'op-1', consent: null })
    await expect(service().queue(id, form, false)).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(t.store.events.listForApplicant(id).filter((e) => e.type === 'captured' && e.details['source'] === 'id-card-chip')).toEqual([])
  })
})
