import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../core/app/create-core'
import { KeyFileProvider } from '../core/vault/key-file-provider'
import { BrowserActions } from './browser-actions'
import { PortInUseError, startBrowserServer, type BrowserServer } from './server'

/**
 * Every refusal of browser mode, against the running server over real http with a real core:
 * the printed token, the session cookie, Host and Origin, channels, bodies, CORS and CSP.
 */
let dir: string
let core: Core
let server: BrowserServer
let cookie: string
let hostHeader: string

interface Answer {
  readonly status: number
  readonly headers: IncomingMessage['headers']
  readonly body: string
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  const url = new URL(path, server.origin)
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: { host: hostHeader, ...options.headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

function invoke(channel: string, request: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return send('/api/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: server.origin, ...headers },
    body: JSON.stringify({ channel, request }),
  })
}

function hasOperators(): boolean {
  return !core.operators.status().setupRequired
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-serve-'))
  const renderer = join(dir, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>')
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log("app")')
  writeFileSync(join(dir, 'outside.txt'), 'secret')
  const actions = new BrowserActions()
  core = await createCore({
    dataDir: join(dir, 'data'),
    appVersion: '0.0.0-test',
    keyProvider: new KeyFileProvider({ file: join(dir, 'kek') }),
    startSync: false,
    dialogs: actions.dialogs,
    windows: actions.windows,
    importDialogs: actions.importDialogs,
  })
  server = await startBrowserServer({ core, actions, rendererRoot: renderer, host: '127.0.0.1', port: 0 })
  hostHeader = new URL(server.origin).host
}, 60_000)

afterAll(async () => {
  await server?.close()
  await core?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('kyc-desk serve access', () => {
  it('prints a URL with a token of at least 128 bits on the loopback address', () => {
    const url = new URL(server.url)
    expect(url.hostname).toBe('127.0.0.1')
    expect(Buffer.from(url.searchParams.get('token') ?? '', 'base64url').length).toBeGreaterThanOrEqual(16)
  })

  it('refuses everything before the token is exchanged', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/kyc-bridge.js', '/api/events']) {
      expect((await send(path)).status, path).toBe(401)
    }
    expect((await send('/api/invoke', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"channel":"app:info","request":{}}' })).status).toBe(401)
  })

  it('refuses a wrong token', async () => {
    const answer = await send('/?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
    expect(answer.status).toBe(401)
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'BAD_TOKEN' } })
    expect(answer.headers['set-cookie']).toBeUndefined()
  })

  it('exchanges the token once for an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    const printed = new URL(server.url)
    const answer = await send(`/?token=${printed.searchParams.get('token')}`)
    expect(answer.status).toBe(303)
    expect(answer.headers.location).toBe('/')
    const setCookie = answer.headers['set-cookie']?.[0] ?? ''
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Strict/)
    cookie = setCookie.split(';')[0] ?? ''
    const again = await send(`/?token=${printed.searchParams.get('token')}`)
    expect(again.status).toBe(401)
    expect(again.headers['set-cookie']).toBeUndefined()
  })

  it('serves the app with the bridge script before the app bundle, the CSP and no CORS', async () => {
    const page = await send('/', { headers: { cookie } })
    expect(page.status).toBe(200)
    expect(page.body.indexOf('src="./kyc-bridge.js"')).toBeGreaterThan(0)
    expect(page.body.indexOf('src="./kyc-bridge.js"')).toBeLessThan(page.body.indexOf('./assets/app.js'))
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/)
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/)
    const bridge = await send('/kyc-bridge.js', { headers: { cookie } })
    expect(bridge.body).toContain('operators:create')
    const preflight = await send('/api/invoke', { method: 'OPTIONS', headers: { cookie, origin: server.origin, 'access-control-request-method': 'POST' } })
    expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
  })

  it('keeps to the renderer folder and to the file types the app serves', async () => {
    expect((await send('/..%2foutside.txt', { headers: { cookie } })).status).toBe(404)
    expect((await send('/assets/app.js', { headers: { cookie } })).status).toBe(200)
    expect((await send('/assets/notes.txt', { headers: { cookie } })).status).toBe(404)
  })

  it('refuses requests from another page of this computer (Sec-Fetch-Site: same-site, cross-site)', async () => {
    for (const site of ['same-site', 'cross-site']) {
      const answer = await invoke('operators:create', { name: 'Mallory', pin: '135790' }, { 'sec-fetch-site': site })
      expect(answer.status, site).toBe(403)
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'FOREIGN_SITE' } })
      expect((await send('/api/events', { headers: { cookie, 'sec-fetch-site': site } })).status).toBe(403)
    }
    expect((await send('/assets/app.js', { headers: { cookie, 'sec-fetch-site': 'same-origin' } })).status).toBe(200)
    expect(hasOperators()).toBe(false)
  })

  it('refuses a forged cookie', async () => {
    const answer = await invoke('operators:create', { name: 'Mallory', pin: '135790' }, { cookie: `${cookie.split('=')[0]}=forged` })
    expect(answer.status).toBe(401)
    expect(hasOperators()).toBe(false)
  })

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (CSRF), changing nothing', async () => {
    const foreignHost = await invoke('operators:create', { name: 'Mallory', pin: '135790' }, { host: `evil.example:${new URL(server.origin).port}` })
    expect(foreignHost.status).toBe(403)
    expect(JSON.parse(foreignHost.body)).toMatchObject({ error: { code: 'FOREIGN_HOST' } })
    const localhost = await invoke('app:info', {}, { host: `localhost:${new URL(server.origin).port}` })
    expect(localhost.status).toBe(403)
    const foreignOrigin = await invoke('operators:create', { name: 'Mallory', pin: '135790' }, { origin: 'http://evil.example' })
    expect(foreignOrigin.status).toBe(403)
    expect(JSON.parse(foreignOrigin.body)).toMatchObject({ error: { code: 'FOREIGN_ORIGIN' } })
    const otherPort = await invoke('operators:create', { name: 'Mallory', pin: '135790' }, { origin: 'http://127.0.0.1:1' })
    expect(otherPort.status).toBe(403)
    expect(hasOperators()).toBe(false)
  })

  it('refuses a call without a sender origin through the sender policy', async () => {
    const answer = await send('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ channel: 'operators:create', request: { name: 'Mallory', pin: '135790' } }),
    })
    expect(answer.status).toBe(403)
    expect(JSON.parse(answer.body)).toMatchObject({ result: { ok: false, error: { code: 'FORBIDDEN_SENDER' } } })
    expect(hasOperators()).toBe(false)
  })

  it('refuses an unknown channel, a malformed body and an oversized one', async () => {
    const unknown = await invoke('fs:read', { path: '/etc/passwd' })
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.body)).toMatchObject({ result: { ok: false, error: { code: 'UNKNOWN_CHANNEL' } } })
    const malformed = await send('/api/invoke', { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: server.origin }, body: '{"channel":' })
    expect(malformed.status).toBe(400)
    const wrongShape = await send('/api/invoke', { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: server.origin }, body: '{"channel":1}' })
    expect(wrongShape.status).toBe(400)
    const tooBig = await send('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: server.origin },
      body: Buffer.alloc(37 * 1024 * 1024, 0x20),
    })
    expect(tooBig.status).toBe(413)
    expect(JSON.parse(tooBig.body)).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } })
    const invalid = await invoke('operators:create', { name: '', pin: '1' })
    expect(invalid.status).toBe(400)
    expect(hasOperators()).toBe(false)
  })

  it('runs a call through the same dispatch with the session and the served origin', async () => {
    const created = await invoke('operators:create', { name: 'Lin', pin: '246810' })
    expect(created.status).toBe(200)
    expect(JSON.parse(created.body)).toMatchObject({ result: { ok: true }, actions: [] })
    expect(hasOperators()).toBe(true)
  })

  it('hands an export to the tab from memory, once, writing nothing to the data folder', async () => {
    const exported = await invoke('applicants:export', { kind: 'audit-log', includePersonalData: false })
    const body = JSON.parse(exported.body) as { result: { ok: boolean; value: { saved: boolean } }; actions: { kind: string; url: string; name: string }[] }
    expect(body.result).toMatchObject({ ok: true, value: { saved: true } })
    const [download] = body.actions
    expect(download).toMatchObject({ kind: 'download', name: expect.stringMatching(/^kyc-desk-audit-\d{8}-\d{6}\.csv$/) })
    const files = (folder: string): string[] => readdirSync(folder, { recursive: true, encoding: 'utf8' })
    expect(files(join(dir, 'data')).filter((f) => f.endsWith('.csv'))).toEqual([])
    // A HEAD must not use the one-time download up.
    expect((await send(`/${download?.url ?? ''}`, { method: 'HEAD', headers: { cookie } })).status).toBe(404)
    const fetched = await send(`/${download?.url ?? ''}`, { headers: { cookie } })
    expect(fetched.status).toBe(200)
    expect(fetched.headers['content-disposition']).toContain('attachment')
    expect(fetched.body).toContain('operator-created')
    expect((await send(`/${download?.url ?? ''}`, { headers: { cookie } })).status).toBe(404)
  })

  it('takes the batch import from uploads kept in memory, refusing bad ones, writing no scan to disk', async () => {
    const example = join(import.meta.dirname, '../../resources/example-import')
    const session = { cookie, origin: server.origin }
    const announce = (body: unknown, headers: Record<string, string> = session) =>
      send('/api/uploads', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
    const put = (id: string, index: number, bytes: Buffer) =>
      send(`/api/uploads/${id}/${index}`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', ...session }, body: bytes })
    const choose = (what: 'manifest' | 'images', upload?: string) =>
      send('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...session },
        body: JSON.stringify({ channel: 'import:choose', request: { what }, upload }),
      })
    const codeOf = (answer: Answer) => (JSON.parse(answer.body) as { error: { code: string } }).error.code

    // The same gate as every call: no session, another site.
    expect((await announce({ kind: 'manifest', name: 'm.csv', files: [{ name: 'm.csv', size: 1 }] }, { origin: server.origin })).status).toBe(401)
    expect((await announce({ kind: 'manifest', name: 'm.csv', files: [{ name: 'm.csv', size: 1 }] }, { ...session, origin: 'http://evil.example' })).status).toBe(403)
    // Refused before a byte is sent, each with its reason.
    const many = Array.from({ length: 1501 }, (_, i) => ({ name: `${i}.jpg`, size: 10 }))
    const tooMany = await announce({ kind: 'folder', name: 'images', files: many })
    expect([tooMany.status, codeOf(tooMany)]).toEqual([413, 'TOO_MANY_FILES'])
    const notImage = await announce({ kind: 'folder', name: 'images', files: [{ name: 'notes.pdf', size: 10 }] })
    expect([notImage.status, codeOf(notImage)]).toEqual([400, 'NOT_AN_IMAGE'])
    expect(JSON.parse(notImage.body)).toMatchObject({ error: { message: expect.stringContaining('notes.pdf') } })
    const bigManifest = await announce({ kind: 'manifest', name: 'm.csv', files: [{ name: 'm.csv', size: 21 * 1024 * 1024 }] })
    expect([bigManifest.status, codeOf(bigManifest)]).toEqual([413, 'UPLOAD_TOO_LARGE'])
    const bigImage = await announce({ kind: 'folder', name: 'images', files: [{ name: 'a.jpg', size: 26 * 1024 * 1024 }] })
    expect([bigImage.status, codeOf(bigImage)]).toEqual([413, 'UPLOAD_TOO_LARGE'])
    const escaping = await announce({ kind: 'folder', name: 'images', files: [{ name: '../a.jpg', size: 10 }] })
    expect(escaping.status).toBe(400)
    // A file that arrives short drops the upload; the choice naming it is refused and changes nothing.
    const short = JSON.parse((await announce({ kind: 'manifest', name: 'm.csv', files: [{ name: 'm.csv', size: 10 }] })).body) as { id: string }
    expect((await put(short.id, 0, Buffer.from('abc'))).status).toBe(400)
    const gone = JSON.parse((await choose('manifest', short.id)).body) as { result: { ok: boolean; error: { code: string } } }
    expect(gone.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    // A cancelled picker sends no upload: the selection stays as it was.
    expect(JSON.parse((await choose('manifest')).body)).toMatchObject({ result: { ok: true, value: { manifestPath: null, imagesDir: null } } })

    const manifestBytes = readFileSync(join(example, 'manifest.csv'))
    const manifest = JSON.parse((await announce({ kind: 'manifest', name: 'manifest.csv', files: [{ name: 'manifest.csv', size: manifestBytes.length }] })).body) as { id: string }
    expect((await put(manifest.id, 0, manifestBytes)).status).toBe(204)
    expect(JSON.parse((await choose('manifest', manifest.id)).body)).toMatchObject({ result: { ok: true, value: { manifestPath: 'manifest.csv', imagesDir: null } } })
    const names = readdirSync(join(example, 'images'))
    const folder = JSON.parse(
      (await announce({ kind: 'folder', name: 'images', files: names.map((name) => ({ name, size: readFileSync(join(example, 'images', name)).length })) })).body,
    ) as { id: string }
    for (const [index, name] of names.entries()) expect((await put(folder.id, index, readFileSync(join(example, 'images', name)))).status).toBe(204)
    expect(JSON.parse((await choose('images', folder.id)).body)).toMatchObject({ result: { ok: true, value: { imagesDir: 'images' } } })
    // Taken once: the same upload cannot be chosen again.
    expect(JSON.parse((await choose('images', folder.id)).body)).toMatchObject({ result: { ok: false } })

    const preview = JSON.parse((await invoke('import:preview', {})).body) as { result: { ok: boolean; value: { ok: boolean; summary: unknown } } }
    expect(preview.result.value).toMatchObject({ ok: true, summary: { ready: 4, invalid: 1 } })
    const committed = JSON.parse((await invoke('import:commit', { queue: false, consent: false, acceptWarningsReason: null })).body) as {
      result: { value: { imported: number } }
    }
    expect(committed.result.value.imported).toBe(4)
    const jpegs = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((f) => readFileSync(f).subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])))
    expect(jpegs).toEqual([])
    // Imported, the uploads are let go.
    expect(JSON.parse((await invoke('import:selection', {})).body)).toMatchObject({ result: { value: { manifestPath: null, imagesDir: null } } })
  })

  it('streams the core events to every tab', async () => {
    const open = (): Promise<{ first: Promise<string>; close(): void }> =>
      new Promise((resolve, reject) => {
        const req = httpRequest(new URL('/api/events', server.origin), { headers: { host: hostHeader, cookie } }, (res) => {
          expect(res.headers['content-type']).toMatch(/text\/event-stream/)
          let text = ''
          const first = new Promise<string>((got) => {
            res.on('data', (c: Buffer) => {
              text += c.toString('utf8')
              if (text.includes('kyc:event:inbox:changed')) got(text)
            })
          })
          resolve({ first, close: () => req.destroy() })
        })
        req.on('error', reject)
        req.end()
      })
    const tabs = [await open(), await open()]
    core.events.emit('inbox:changed', {})
    for (const tab of tabs) {
      expect(await tab.first).toContain('event: kyc:event:inbox:changed\ndata: {}\n\n')
      tab.close()
    }
  })

  it('says clearly when the port is taken', async () => {
    const port = Number(new URL(server.origin).port)
    await expect(startBrowserServer({ core, actions: new BrowserActions(), rendererRoot: join(dir, 'renderer'), host: '127.0.0.1', port })).rejects.toThrow(PortInUseError)
  })
})
