import { onScopeDispose } from 'vue'
import { claimsScanLine, mayClaimScan } from './scan-routing'
import { ScannerBurstDetector, defaultBurstOptions, type BurstOptions } from './scanner-burst'

type TextField = HTMLInputElement | HTMLTextAreaElement

function textField(element: Element | null): TextField | null {
  if (element instanceof HTMLTextAreaElement) return element
  if (element instanceof HTMLInputElement && !['checkbox', 'radio', 'file', 'button', 'submit'].includes(element.type)) return element
  return null
}

/**
 * Listens to every key in the window (capture phase, so no field can stop it) and hands complete
 * scanner bursts to `onScan`, wherever the focus was. The few characters a scan types before it
 * is recognised are taken out of the focused field again; the rest, and its Enter, never reach
 * the page. Fast runs that turn out not to be scans are typed into the field after all.
 */
export function useScannerInput(onScan: (text: string) => void, options: BurstOptions = defaultBurstOptions): void {
  let snapshot: { field: TextField; value: string } | null = null

  const restore = () => {
    if (!snapshot) return
    const { field, value } = snapshot
    snapshot = null
    if (field.value === value) return
    field.value = value
    // v-model (and Element Plus inputs) read the value back from the input event.
    field.dispatchEvent(new Event('input', { bubbles: true }))
  }

  const detector = new ScannerBurstDetector(
    {
      onStart: () => {
        const field = textField(document.activeElement)
        snapshot = field ? { field, value: field.value } : null
      },
      mayClaim: mayClaimScan,
      claims: claimsScanLine,
      onRelease: (text) => {
        // Held keys that were not a scan: type them where the focus is, as the keyboard would have.
        const field = textField(document.activeElement)
        if (!field) return
        field.setRangeText(text, field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length, 'end')
        field.dispatchEvent(new Event('input', { bubbles: true }))
      },
      onBurst: (text) => {
        restore()
        onScan(text)
      },
    },
    options,
  )

  const listener = (event: KeyboardEvent) => {
    const decision = detector.feed({
      key: event.key,
      time: event.timeStamp,
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
      repeat: event.repeat,
      isComposing: event.isComposing,
    })
    if (decision === 'swallow') {
      event.preventDefault()
      event.stopPropagation()
    }
  }
  window.addEventListener('keydown', listener, true)
  onScopeDispose(() => {
    window.removeEventListener('keydown', listener, true)
    detector.reset()
  })
}
