/**
 * The page-side half of the harness: defines `window.kyc` exactly as the preload does (the same
 * allowlists, payload-only listeners, frozen object) on top of a Playwright binding that calls
 * the core's dispatch. Runs in the browser, so it is serialised: no imports, no closures.
 */
export interface ShimLists {
  readonly channels: readonly string[]
  readonly events: readonly string[]
}

export function installBridgeShim(lists: ShimLists): void {
  type Listener = (payload: unknown) => void
  const w = window as unknown as {
    __kycInvoke: (channel: string, request: unknown) => Promise<unknown>
    __kycDeliver?: (channel: string, payload: unknown) => void
    kyc?: unknown
  }
  const listeners = new Map<string, Set<Listener>>()
  w.__kycDeliver = (channel, payload) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload)
  }
  w.kyc = Object.freeze({
    invoke(channel: string, request: unknown) {
      if (!lists.channels.includes(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel "${channel}"` } })
      }
      return w.__kycInvoke(channel, request)
    },
    on(event: string, handler: Listener) {
      if (!lists.events.includes(event)) throw new TypeError(`Unknown event "${event}"`)
      const channel = `kyc:event:${event}`
      const wrapped: Listener = (payload) => handler(payload)
      let set = listeners.get(channel)
      if (!set) {
        set = new Set()
        listeners.set(channel, set)
      }
      set.add(wrapped)
      return () => set.delete(wrapped)
    },
  })
}
