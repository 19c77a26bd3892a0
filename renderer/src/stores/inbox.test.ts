import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { InboxItemView, InboxState } from '../../../shared/contract'
import { fakeKyc } from '../test-support/fake-kyc'
import { useInboxStore } from './inbox'

const file = (index: number, state: InboxItemView['state']): InboxItemView => ({
  id: `item-${index}`,
  name: `R${index}_front.jpg`,
  size: 1000,
  detectedAt: index,
  state,
  reason: null,
  warnings: [],
  match: null,
  image: null,
  deletable: true,
  thumbnailDataUrl: null,
})

/** Main's inbox as it is now; each list call snapshots it when it is answered, then waits for the test. */
function slowInbox(kyc: ReturnType<typeof fakeKyc>) {
  let now: InboxState = { configured: true, problem: null, items: [] }
  const waiting: Array<() => void> = []
  kyc.answer('inbox:list', () => {
    const snapshot = now
    return new Promise<InboxState>((resolve) => waiting.push(() => resolve(snapshot)))
  })
  kyc.answer('capture:slots', () => ({ slots: { front: null, back: null, hand: null } }))
  return {
    set(items: InboxItemView[]) {
      now = { ...now, items }
      kyc.emit('inbox:changed', {})
    },
    /** Answers the list calls made so far, as the bridge would, one at a time. */
    async answerAll() {
      for (let guard = 0; guard < 20 && waiting.length > 0; guard++) {
        waiting.shift()?.()
        for (let i = 0; i < 10; i++) await Promise.resolve()
      }
    },
  }
}

let kyc: ReturnType<typeof fakeKyc>
beforeEach(() => {
  setActivePinia(createPinia())
  kyc = fakeKyc()
})

describe('finding 13: files saved to the scanner folder at once all leave "checking"', () => {
  it('lists again when the inbox changes while a list call is in flight, so the last change is never lost', async () => {
    const inbox = useInboxStore()
    const main = slowInbox(kyc)
    const files = Array.from({ length: 12 }, (_, i) => i)
    // Twelve files seen at once: the first change starts a list call that sees them all checking.
    main.set(files.map((i) => file(i, 'checking')))
    // Main checks and assigns them while that call is still on its way back.
    main.set(files.map((i) => file(i, 'ready')))
    main.set(files.filter((i) => i % 3 !== 0).map((i) => file(i, 'storing')))
    main.set(files.filter((i) => i % 3 === 0).map((i) => file(i, 'ready')))
    await main.answerAll()
    expect(inbox.state.items.map((i) => [i.id, i.state])).toEqual(files.filter((i) => i % 3 === 0).map((i) => [`item-${i}`, 'ready']))
    // One call in flight plus one for everything that changed meanwhile, not one per event.
    expect(kyc.callsTo('inbox:list')).toHaveLength(2)
  })

  it('a change during the slot refresh that follows an assignment is listed too', async () => {
    const inbox = useInboxStore()
    const main = slowInbox(kyc)
    main.set([file(1, 'ready'), file(2, 'ready'), file(3, 'checking')])
    await main.answerAll()
    main.set([file(3, 'checking')])
    main.set([file(3, 'ready')])
    await main.answerAll()
    expect(inbox.state.items.map((i) => i.state)).toEqual(['ready'])
  })
})
