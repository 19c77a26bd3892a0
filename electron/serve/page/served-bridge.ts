/**
 * `window.kyc` in browser mode: the preload's own bridge (same allowlists, payload-only
 * listeners, frozen object) over fetch and one Server-Sent Events stream instead of Electron
 * IPC. Bundled by the server into the script it injects before the app bundle.
 */
import { createBridge, type RendererTransport } from '../../preload/bridge'
import { acceptedImageName } from './upload-names'

interface InvokeEnvelope {
  readonly result: unknown
  readonly actions?: readonly ({ kind: 'open'; url: string } | { kind: 'download'; url: string; name: string } | { kind: 'print' })[]
}

function refusal(code: string, message: string, reasonKey?: string): unknown {
  return { ok: false, error: { code, message, ...(reasonKey ? { reason: { key: reasonKey } } : {}) } }
}

function perform(actions: InvokeEnvelope['actions']): void {
  for (const action of actions ?? []) {
    if (action.kind === 'open') {
      // The verify page gets no handle on this tab (noopener), as the desktop app's own window.
      window.open(action.url, '_blank', 'noopener')
    } else if (action.kind === 'print') {
      // The print view is on screen: the browser's dialog prints it or saves it as a PDF.
      window.print()
    } else {
      const link = document.createElement('a')
      link.href = action.url
      link.download = action.name
      link.click()
    }
  }
}

async function invoke(channel: string, request: unknown, upload?: string): Promise<unknown> {
  let response: Response
  try {
    response = await fetch('api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ channel, request, upload }),
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

/**
 * The batch import's "choose": the desktop app opens main's dialog; here the page's own picker,
 * opened inside the operator's click. Null when they cancel.
 */
function pick(what: 'manifest' | 'images'): Promise<File[] | null> {
  const input = document.createElement('input')
  input.type = 'file'
  if (what === 'manifest') input.accept = '.csv,.xlsx,.xls,.txt,text/csv'
  else {
    input.webkitdirectory = true
    input.multiple = true
  }
  input.style.display = 'none'
  document.body.append(input)
  return new Promise((resolve) => {
    const done = (files: File[] | null): void => {
      input.remove()
      resolve(files)
    }
    input.addEventListener('change', () => done(input.files && input.files.length > 0 ? [...input.files] : null), { once: true })
    input.addEventListener('cancel', () => done(null), { once: true })
    input.click()
  })
}

/** `images/sub/a.jpg` as the browser names a folder's file: the folder, and the name inside it. */
function insideFolder(file: File): { folder: string; name: string } {
  const [folder = '', ...rest] = file.webkitRelativePath.split('/')
  return { folder, name: rest.join('/') || file.name }
}

async function refusalOf(response: Response): Promise<unknown> {
  const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null
  // The upload's code becomes a reason the screen words (shared/i18n/reasons.ts, `upload.*`).
  const code = body?.error?.code
  return refusal('INVALID_INPUT', body?.error?.message ?? `HTTP ${response.status}`, code ? `upload.${code}` : undefined)
}

/** Sends the chosen files to the server's memory, then lets `import:choose` take them. */
async function chooseAndUpload(what: 'manifest' | 'images'): Promise<unknown> {
  const picked = await pick(what)
  if (picked === null) return invoke('import:selection', {})
  const entries =
    what === 'manifest'
      ? picked.map((file) => ({ file, name: file.name, folder: file.name }))
      : picked
          .map((file) => ({ file, ...insideFolder(file) }))
          // The formats the import decodes; stray files (.DS_Store, a PDF) stay on the operator's disk.
          .filter((entry) => acceptedImageName(entry.name) && !entry.name.split('/').some((part) => part.startsWith('.')))
  const name = entries[0]?.folder ?? picked[0]?.name ?? ''
  try {
    const announced = await fetch('api/uploads', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ kind: what === 'manifest' ? 'manifest' : 'folder', name, files: entries.map((e) => ({ name: e.name, size: e.file.size })) }),
    })
    if (!announced.ok) return await refusalOf(announced)
    const { id } = (await announced.json()) as { id: string }
    for (const [index, entry] of entries.entries()) {
      const sent = await fetch(`api/uploads/${id}/${index}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream' },
        credentials: 'same-origin',
        body: entry.file,
      })
      if (!sent.ok) return await refusalOf(sent)
    }
    return await invoke('import:choose', { what }, id)
  } catch {
    return refusal('UNAVAILABLE', 'The kyc-desk server does not answer; is `kyc-desk serve` still running?')
  }
}

function isChoice(request: unknown): request is { what: 'manifest' | 'images' } {
  const what = (request as { what?: unknown } | null)?.what
  return what === 'manifest' || what === 'images'
}

let stream: EventSource | null = null

const transport: RendererTransport = {
  invoke: (channel, request) => (channel === 'import:choose' && isChoice(request) ? chooseAndUpload(request.what) : invoke(channel, request)),
  listen(channel, listener) {
    stream ??= new EventSource('api/events')
    const wrapped = (event: MessageEvent<string>): void => listener(JSON.parse(event.data) as unknown)
    stream.addEventListener(channel, wrapped)
    return () => stream?.removeEventListener(channel, wrapped)
  },
}

Object.defineProperty(window, 'kyc', { value: createBridge(transport), writable: false, configurable: false, enumerable: true })
