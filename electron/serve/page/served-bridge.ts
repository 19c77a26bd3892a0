/**
 * `window.kyc` in browser mode: the preload's own bridge (same allowlists, payload-only
 * listeners, frozen object) over fetch and one Server-Sent Events stream instead of Electron
 * IPC. Bundled by the server into the script it injects before the app bundle.
 */
import { createBridge, type RendererTransport } from '../../preload/bridge'

interface InvokeEnvelope {
  readonly result: unknown
  readonly actions?: readonly ({ kind: 'open'; url: string } | { kind: 'download'; url: string; name: string })[]
}

function refusal(code: string, message: string): unknown {
  return { ok: false, error: { code, message } }
}

function perform(actions: InvokeEnvelope['actions']): void {
  for (const action of actions ?? []) {
    if (action.kind === 'open') {
      // The verify page gets no handle on this tab (noopener), as the desktop app's own window.
      window.open(action.url, '_blank', 'noopener')
    } else {
      const link = document.createElement('a')
      link.href = action.url
      link.download = action.name
      link.click()
    }
  }
}

async function invoke(channel: string, request: unknown): Promise<unknown> {
  let response: Response
  try {
    response = await fetch('api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ channel, request }),
    })
  } catch {
    return refusal('UNAVAILABLE', 'The kyc-desk server does not answer; is `kyc-desk serve` still running?')
  }
  const body = (await response.json().catch(() => null)) as InvokeEnvelope | { error?: { code: string; message: string } } | null
  if (body && 'result' in body) {
    perform(body.actions)
    return body.result
  }
  const error = body && 'error' in body && body.error ? body.error : { code: 'INTERNAL', message: `HTTP ${response.status}` }
  return refusal('UNAVAILABLE', error.message)
}

let stream: EventSource | null = null

const transport: RendererTransport = {
  invoke,
  listen(channel, listener) {
    stream ??= new EventSource('api/events')
    const wrapped = (event: MessageEvent<string>): void => listener(JSON.parse(event.data) as unknown)
    stream.addEventListener(channel, wrapped)
    return () => stream?.removeEventListener(channel, wrapped)
  },
}

Object.defineProperty(window, 'kyc', { value: createBridge(transport), writable: false, configurable: false, enumerable: true })
