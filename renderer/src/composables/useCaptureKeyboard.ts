import { nextTick, onBeforeUnmount, onMounted } from 'vue'
import type { InboxItemView } from '../../../shared/contract'
import type { ImageSlot } from '../../../shared/domain/images'
import { slotForKey } from '../shortcuts/shortcut-list'
import { useCaptureStore } from '../stores/capture'
import { nextWalkStep, walkSteps, type WalkStep } from '../stores/capture-walk'
import { useInboxStore } from '../stores/inbox'

/** Where each step of the walk lives on the capture screen, and what gets the focus there. */
const regions: Record<WalkStep, string> = {
  binding: '[data-testid="binding-panel"]',
  surname: '[data-field="surname"]',
  givenName: '[data-field="givenName"]',
  documentNumber: '[data-field="documentNumber"]',
  birthday: '[data-field="birthday"]',
  gender: '[data-field="gender"]',
  issueDate: '[data-field="issueDate"]',
  validity: '[data-field="validity"]',
  front: '[data-testid="slot-front"]',
  back: '[data-testid="slot-back"]',
  hand: '[data-testid="slot-hand"]',
  consent: '[data-testid="consent"]',
}
const targets: Record<WalkStep | 'queue', string> = {
  binding: '#cap-binding-scan, #cap-binding-uid',
  surname: '#cap-surname',
  givenName: '#cap-given-name',
  documentNumber: '#cap-document-number',
  birthday: '#cap-birthday',
  gender: '[data-field="gender"] input[type="radio"]',
  issueDate: '#cap-issue-date',
  validity: '#cap-expiry-date',
  front: '[data-testid="slot-front"] [data-walk-focus]',
  back: '[data-testid="slot-back"] [data-walk-focus]',
  hand: '[data-testid="slot-hand"] [data-walk-focus]',
  consent: '[data-testid="consent"] input',
  queue: '[data-testid="queue"]',
}

function stepOf(element: Element | null): WalkStep | null {
  return walkSteps.find((step) => element?.closest(regions[step])) ?? null
}

/** Enter moves on from fields and choices; on buttons, links and the MRZ box it keeps its meaning. */
function enterMovesOn(element: Element | null, step: WalkStep | null): element is HTMLElement {
  if (step === null || step === 'binding' || !(element instanceof HTMLInputElement)) return false
  return !['button', 'submit', 'file'].includes(element.type)
}

/** The next scanner file for this applicant: ready, oldest first, not named for someone else. */
export function nextScannerFile(items: readonly InboxItemView[], reference: string | null): InboxItemView | null {
  const free = items.filter((item) => item.state === 'ready' && (item.match === null || item.match.reference === reference))
  return [...free].sort((a, b) => a.detectedAt - b.detectedAt)[0] ?? null
}

/**
 * The capture screen's keyboard path: Enter moves to the next empty required step (skipping what
 * the ID number, the MRZ or the QR code filled), Alt+1/2/3 fill an image slot from the scanner
 * folder or open the camera for it. Ctrl+Enter (queue) stays with the view that queues.
 */
export function useCaptureKeyboard(openCamera: (slot: ImageSlot) => void) {
  const store = useCaptureStore()
  const inbox = useInboxStore()

  /** Focus the first empty step after `from`, once blur handlers (date tidying) and autofill have run. */
  async function focusNext(from: WalkStep | null): Promise<void> {
    await nextTick()
    const step = nextWalkStep(
      { bound: store.binding !== null, identity: store.form.identity, slots: store.slots, consent: store.form.consent },
      from,
    )
    document.querySelector<HTMLElement>(targets[step])?.focus()
  }

  async function fillSlot(slot: ImageSlot): Promise<void> {
    const file = nextScannerFile(inbox.state.items, store.reference)
    if (file === null) return openCamera(slot)
    if (await inbox.assign(file.id, slot, null)) await focusNext(slot)
  }

  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.isComposing) return
    const slot = slotForKey(event)
    if (slot !== null) {
      event.preventDefault()
      ;(document.activeElement as HTMLElement | null)?.blur()
      void fillSlot(slot)
      return
    }
    if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return
    const element = document.activeElement
    const step = stepOf(element)
    if (!enterMovesOn(element, step)) return
    event.preventDefault()
    element.blur()
    void focusNext(step)
  }

  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
  return { focusNext }
}
