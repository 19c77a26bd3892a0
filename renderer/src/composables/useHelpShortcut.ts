import { onScopeDispose } from 'vue'
import { useRouter } from 'vue-router'
import { asksForHelp } from '../shortcuts/shortcut-list'

/** F1 anywhere, or `?` outside a text field, opens Help (the browser's own F1 help is kept out). */
export function useHelpShortcut(): void {
  const router = useRouter()
  const listener = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || !asksForHelp(event, event.target)) return
    event.preventDefault()
    void router.push('/help')
  }
  window.addEventListener('keydown', listener)
  onScopeDispose(() => window.removeEventListener('keydown', listener))
}
