import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { checkAdminRequest, type AdminGuard } from '../admin/admin-auth'
import { adminError, invalidRequest } from '../admin/admin-errors'
import { delay, dropConnection } from '../faults/connection-faults'
import { readerFaultSchema, ReaderState } from './reader-state'
import { samplePhoto } from './sample-photo'
import { syntheticCards } from './synthetic-cards'
import { cvrReply, zkReply } from './wire-replies'

/**
 * A desktop ID card reader behind both vendor web services, on loopback: 华视 at the root
 * (`/OpenDevice`, `/readcard`, `/CloseDevice`) and ZKTeco under `/ZKIDROnline`. Its admin API
 * (`/__admin/reader`, the sandbox's bearer token) places and removes cards and injects faults.
 */
export const READER_ADMIN_PREFIX = '/__admin/reader'

export interface RunningReaderEmulator {
  /** Base URL of the 华视 service. */
  readonly cvrWebUrl: string
  /** Base URL of the ZKTeco service. */
  readonly zkOnlineUrl: string
  /** The admin API's base URL. */
  readonly adminUrl: string
  close(): Promise<void>
}

const placeBody = z.object({ cardId: z.string().min(1).max(64) }).strict()
const faultBody = z.object({ fault: readerFaultSchema.nullable(), delayMs: z.number().int().min(0).max(60_000).default(0) }).strict()

function buildEmulator(state: ReaderState, guard: AdminGuard): FastifyInstance {
  const app = Fastify({ logger: false, forceCloseConnections: true })

  /** One request to the service: after the injected delay, dropped (unreachable) or answered. */
  async function respond(request: FastifyRequest, reply: FastifyReply, body: () => Promise<string> | string) {
    if (state.delayMs > 0) await delay(state.delayMs)
    if (state.serviceAnswer() === 'drop') {
      dropConnection(request.raw)
      return reply.hijack()
    }
    // Vendor services answer text/plain and allow every origin; the app's client ignores both.
    return reply.header('access-control-allow-origin', '*').type('text/plain; charset=utf-8').send(await body())
  }

  /** A read, in one protocol's words; the photo is rendered only when the card carries one. */
  async function readAs(write: typeof cvrReply): Promise<string> {
    const read = state.read()
    if (read.kind === 'drop') throw new Error('unreachable is answered before reading')
    const photo = read.kind === 'card' && read.photo ? (await samplePhoto(read.card.id)).toString('base64') : ''
    return write(read, photo)
  }

  const opened = JSON.stringify({ resultFlag: 0, errorMsg: '' })
  app.get('/OpenDevice', (request, reply) =>
    respond(request, reply, () => (state.serviceAnswer() === 'busy' ? cvrReply({ kind: 'busy' }, '') : opened)))
  app.get('/CloseDevice', (request, reply) => respond(request, reply, () => opened))
  app.get('/readcard', (request, reply) => respond(request, reply, () => readAs(cvrReply)))
  app.get('/ZKIDROnline/info', (request, reply) =>
    respond(request, reply, () => JSON.stringify({ ret: 0, data: { server_version: '2.0.1-sandbox' } })))
  app.get('/ZKIDROnline/ScanReadIdCardInfo', (request, reply) => respond(request, reply, () => readAs(zkReply)))

  void app.register(async (admin) => {
    admin.addHook('onRequest', async (request, reply) => checkAdminRequest(guard, request, reply))
    // `DELETE /card` often still says application/json: an empty body is then an empty object.
    admin.removeContentTypeParser('application/json')
    admin.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, String(body).trim() === '' ? {} : (JSON.parse(String(body)) as unknown))
      } catch (error) {
        done(error instanceof Error ? error : new Error(String(error)), undefined)
      }
    })
    admin.get('/', async () => ({ ...state.describe(), cards: syntheticCards.map(({ id, kind, nameZh, nameEn }) => ({ id, kind, nameZh, nameEn })) }))
    admin.put('/card', async (request, reply) => {
      const body = placeBody.safeParse(request.body ?? {})
      if (!body.success) return invalidRequest(reply, body.error)
      if (!state.place(body.data.cardId)) return adminError(reply, 404, 'not_found', `no synthetic card ${body.data.cardId}`)
      return state.describe()
    })
    admin.delete('/card', async () => {
      state.remove()
      return state.describe()
    })
    admin.put('/fault', async (request, reply) => {
      const body = faultBody.safeParse(request.body ?? {})
      if (!body.success) return invalidRequest(reply, body.error)
      state.inject(body.data.fault, body.data.delayMs)
      return state.describe()
    })
  }, { prefix: READER_ADMIN_PREFIX })
  return app
}

/** Starts the emulator on 127.0.0.1 (never another interface: it serves identities). */
export async function startReaderEmulator(options: { port?: number; guard: AdminGuard }): Promise<RunningReaderEmulator> {
  const state = new ReaderState()
  const app = buildEmulator(state, options.guard)
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  return {
    cvrWebUrl: base,
    zkOnlineUrl: `${base}/ZKIDROnline`,
    adminUrl: `${base}${READER_ADMIN_PREFIX}`,
    close: () => app.close(),
  }
}
