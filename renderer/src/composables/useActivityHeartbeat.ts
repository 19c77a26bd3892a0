import { onBeforeUnmount, onMounted } from 'vue'

/**
 * Tells the core the operator is at the keyboard, at most once per `intervalMs`, so the idle lock
 * counts real input and not background refreshes.
 */
export function useActivityHeartbeat(beat: () => void, intervalMs = 30_000): void {
  let last = 0
  const onActivity = (): void => {
    const now = Date.now()
    if (now - last < intervalMs) return
    last = now
    beat()
  }
  const events = ['keydown', 'pointerdown', 'wheel'] as const
  onMounted(() => events.forEach((e) => window.addEventListener(e, onActivity, { passive: true, capture: true })))
  onBeforeUnmount(() => events.forEach((e) => window.removeEventListener(e, onActivity, { capture: true })))
}
