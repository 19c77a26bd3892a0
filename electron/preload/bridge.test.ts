import { describe, expect, it } from 'vitest'
import { channelNames, eventChannel, eventNames } from '../../shared/contract/names'
import { createBridge, type RendererTransport } from './bridge'

function fakeTransport() {
  const invoked: string[] = []
  const listeners = new Map<string, (payload: unknown) => void>()
  const transport: RendererTransport = {
    invoke: async (channel) => {
      invoked.push(channel)
      return { ok: true, value: null }
    },
    listen: (channel, listener) => {
      listeners.set(channel, listener)
      return () => listeners.delete(channel)
    },
  }
  return { invoked, listeners, transport }
}

describe('preload bridge', () => {
  it('forwards every contract channel', async () => {
    const { invoked, transport } = fakeTransport()
    const bridge = createBridge(transport)
    for (const channel of channelNames) await bridge.invoke(channel, {})
    expect(invoked).toEqual([...channelNames])
  })

  it('refuses channels outside the contract without calling main', async () => {
    const { invoked, transport } = fakeTransport()
    const bridge = createBridge(transport)
    const result = await bridge.invoke('shell:openExternal', { url: 'https://evil.example' })
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNKNOWN_CHANNEL' }) })
    expect(invoked).toEqual([])
  })

  it('delivers event payloads only, and removes exactly its own listener', () => {
    const { listeners, transport } = fakeTransport()
    const bridge = createBridge(transport)
    const event = eventNames[0]
    const received: unknown[] = []
    const off = bridge.on(event, (payload) => received.push(payload))
    listeners.get(eventChannel(event))?.({ changes: [] })
    expect(received).toEqual([{ changes: [] }])
    off()
    expect(listeners.has(eventChannel(event))).toBe(false)
  })

  it('refuses unknown events', () => {
    const bridge = createBridge(fakeTransport().transport)
    expect(() => bridge.on('ipc:anything', () => undefined)).toThrow(/Unknown event/)
  })
})
