import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify'
import { z } from 'zod'
import { maxImageBase64Length } from '../../shared/contract/intake'
import type { Core } from '../core/app/create-core'
import { dispatch } from '../core/ipc/dispatch'
import { originSenderPolicy } from '../core/ipc/sender-policy'
import { appOrigin, assetContentType, resolveAppAsset } from '../main/app-protocol'
import { contentSecurityPolicy } from '../main/content-security-policy'
import { forwardEvents } from '../main/forward-events'
import { AccessGate, hostHeaderOf, type Refusal } from './access'
import type { BrowserActions } from './browser-actions'
import { bundleBridgeScript, withBridgeScript } from './bridge-script'
import { uploadIdPattern } from './page/upload-names'
import { announceSchema, uploadLimits } from './uploads'

export interface BrowserServerOptions {
  readonly core: Pick<Core, 'handlers' | 'events' | 'log'>
  readonly actions: BrowserActions
  /** The built renderer (out/renderer). */
  readonly rendererRoot: string
  readonly host: string
  /** 0 picks a free port. */
  readonly port: number
}

export interface BrowserServer {
  /** The printed address, with the one-time connection token. */
  readonly url: string
  readonly origin: string
  close(): Promise<void>
}

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError'
}

const invokeBodySchema = z
  .object({ channel: z.string().max(100), request: z.unknown(), upload: z.string().regex(uploadIdPattern).optional() })
  .strict()
/** An announcement lists at most 100,000 names (judged, and refused past the folder cap, by the upload store). */
const maxAnnounceBytes = 4 * 1024 * 1024
const uploadParams = z.object({ id: z.string().regex(uploadIdPattern), index: z.coerce.number().int().nonnegative() })
/** The largest request is a camera still or scanned image, base64, in `capture:put-image`. */
const maxInvokeBytes = maxImageBase64Length + 64 * 1024
const bridgePath = 'kyc-bridge.js'


/** The IPC refusals a browser should see as HTTP statuses too; every other result is a 200. */
const refusalStatus: Readonly<Record<string, number>> = { UNKNOWN_CHANNEL: 404, FORBIDDEN_SENDER: 403, INVALID_REQUEST: 400 }

function refuse(reply: FastifyReply, refusal: Refusal | { status: number; code: string; message: string }): FastifyReply {
  return reply.code(refusal.status).type('application/json; charset=utf-8').send({ error: { code: refusal.code, message: refusal.message } })
}

/**
 * `kyc-desk serve`'s http server: the built renderer with the bridge script, one invoke endpoint
 * into the same dispatch() Electron main registers, and the core's events as Server-Sent Events.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const { core, actions } = options
  const indexHtml = await readFile(join(options.rendererRoot, 'index.html'), 'utf8').catch(() => {
    throw new Error(`no built renderer at ${options.rendererRoot}; run "npm run build" first`)
  })
  const bridgeScript = await bundleBridgeScript()
  const servedIndex = withBridgeScript(indexHtml, `./${bridgePath}`)
  // No HEAD routes: a HEAD must not use up a one-time download.
  const app = Fastify({ logger: false, bodyLimit: maxInvokeBytes, return503OnClosing: true, forceCloseConnections: true, exposeHeadRoutes: false })
  let gate: AccessGate | null = null
  let policy = originSenderPolicy([])
  const stopStreams = new Set<() => void>()

  app.addHook('onRequest', async (request, reply) => {
    reply.header('Content-Security-Policy', contentSecurityPolicy())
    reply.header('X-Content-Type-Options', 'nosniff')
    reply.header('Referrer-Policy', 'no-referrer')
    reply.header('Cache-Control', 'no-store')
    if (!gate) return refuse(reply, { status: 503, code: 'STARTING', message: 'Starting' })
    const refusal =
      gate.checkHost(request.headers.host) ?? gate.checkOrigin(request.headers.origin) ?? gate.checkFetchSite(request.headers['sec-fetch-site'])
    if (refusal) return refuse(reply, refusal)
    const url = new URL(request.url, gate.origin)
    // The printed link: exchanged once for the session cookie, then the token leaves the address bar.
    const token = url.searchParams.get('token')
    if (request.method === 'GET' && url.pathname === '/' && token !== null) {
      const session = gate.exchange(token)
      if (session === null) {
        return refuse(reply, { status: 401, code: 'BAD_TOKEN', message: 'This link is wrong or was already used; restart kyc-desk serve for a new one' })
      }
      return reply.header('Set-Cookie', gate.sessionCookie(session)).redirect('/', 303)
    }
    const noSession = gate.checkSession(request.headers.cookie)
    if (noSession) return refuse(reply, noSession)
    return undefined
  })

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, _request, reply) => {
    const status = error.statusCode ?? 500
    if (status >= 500) core.log.error('serve.failed', { error })
    const code = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'BODY_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL'
    return refuse(reply, { status, code, message: status < 500 ? error.message : 'Something went wrong; see the diagnostics log' })
  })

  app.post('/api/invoke', async (request, reply) => {
    const parsed = invokeBodySchema.safeParse(request.body)
    if (!parsed.success) return refuse(reply, { status: 400, code: 'BAD_REQUEST', message: 'The body must be {"channel": string, "request": ...}' })
    // The sender is the page's origin as the browser states it (every fetch POST carries one); none is refused by the policy.
    const sender = request.headers.origin ?? ''
    // Only the import's choice takes an upload; any other call naming one runs as if it did not.
    const upload = parsed.data.channel === 'import:choose' ? (parsed.data.upload ?? null) : null
    const { value, actions: asked } = await actions.collect(
      () => dispatch(core.handlers, parsed.data.channel, parsed.data.request, sender, policy, core.log),
      upload,
    )
    const status = !value.ok ? (refusalStatus[value.error.code] ?? 200) : 200
    return reply.code(status).send({ result: value, actions: asked })
  })

  // The batch import's files in browser mode: announced, then sent one by one as raw bytes, kept in memory.
  app.post('/api/uploads', { bodyLimit: maxAnnounceBytes }, async (request, reply) => {
    const parsed = announceSchema.safeParse(request.body)
    if (!parsed.success) return refuse(reply, { status: 400, code: 'BAD_REQUEST', message: 'The body must be {"kind", "name", "files": [{"name", "size"}]}' })
    const announced = actions.uploads.announce(parsed.data)
    return announced.ok ? reply.code(201).send({ id: announced.id }) : refuse(reply, announced.refusal)
  })

  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: uploadLimits.imageBytes }, (_request, body, done) => {
    done(null, body)
  })
  app.put('/api/uploads/:id/:index', { bodyLimit: uploadLimits.imageBytes }, async (request, reply) => {
    const params = uploadParams.safeParse(request.params)
    // An empty file arrives with no body at all.
    const bytes = request.body === undefined || request.body === null ? Buffer.alloc(0) : request.body
    if (!params.success || !Buffer.isBuffer(bytes)) {
      return refuse(reply, { status: 400, code: 'BAD_REQUEST', message: 'Send one announced file as application/octet-stream' })
    }
    const refusal = actions.uploads.receive(params.data.id, params.data.index, bytes)
    return refusal ? refuse(reply, refusal) : reply.code(204).send()
  })

  app.get('/api/events', (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack()
    const raw = reply.raw
    raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    })
    raw.write(': connected\n\n')
    const stop = forwardEvents(core.events, (channel, payload) => {
      raw.write(`event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`)
    })
    const end = (): void => {
      stop()
      stopStreams.delete(end)
    }
    stopStreams.add(end)
    request.raw.on('close', end)
  })

  app.get<{ Params: { id: string } }>('/api/downloads/:id', async (request, reply) => {
    const download = actions.takeDownload(request.params.id)
    if (!download) return refuse(reply, { status: 404, code: 'NOT_FOUND', message: 'This download was already fetched or never existed' })
    return reply
      .type('application/octet-stream')
      .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(download.name)}`)
      .send(download.bytes)
  })

  app.get(`/${bridgePath}`, async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(bridgeScript))
  const sendIndex = async (_request: FastifyRequest, reply: FastifyReply) => reply.type('text/html; charset=utf-8').send(servedIndex)
  app.get('/', sendIndex)
  app.get('/index.html', sendIndex)
  app.get('/*', async (request, reply) => {
    // The same path rule as the app:// protocol: nothing outside the renderer folder.
    const file = resolveAppAsset(`${appOrigin}${new URL(request.url, 'http://x').pathname}`, options.rendererRoot)
    const type = file ? assetContentType(file) : null
    const found = file && type ? await stat(file).then((s) => s.isFile(), () => false) : false
    if (!file || !type || !found) return refuse(reply, { status: 404, code: 'NOT_FOUND', message: 'Not found' })
    return reply.type(type).send(createReadStream(file))
  })

  try {
    await app.listen({ host: options.host, port: options.port })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new PortInUseError(`port ${options.port} on ${options.host} is already in use; choose another with --port N, or --port 0 for any free one`)
    }
    throw error
  }
  const { port } = app.server.address() as AddressInfo
  const ready = new AccessGate(hostHeaderOf(options.host, port))
  gate = ready
  policy = originSenderPolicy([ready.origin])
  return {
    url: `${ready.origin}/?token=${ready.connectionToken() ?? ''}`,
    origin: ready.origin,
    close: async () => {
      for (const stop of [...stopStreams]) stop()
      await app.close()
      actions.close()
    },
  }
}
