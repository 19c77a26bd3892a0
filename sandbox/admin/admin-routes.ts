import type { FastifyInstance } from 'fastify'
import type { Clock } from '../common/clock'
import { isoSeconds } from '../common/clock'
import type { FaultInjector } from '../faults/fault-injector'
import { faultProfileSchema } from '../faults/fault-profile'
import { completeVerification } from '../platform/liveness-service'
import { parseJsonParams } from '../platform/request-body'
import { randomUserToken } from '../common/random-ids'
import { AccountExistsError, createAccount } from '../store/accounts'
import type { SandboxStore } from '../store/sandbox-store'
import { checkAdminRequest, type AdminGuard } from './admin-auth'
import { adminError, invalidRequest } from './admin-errors'
import { createUserBody, livenessBody, livenessParams, objectsQuery, uidParams } from './admin-schemas'
import { describeUser } from './user-details'

export interface AdminDeps {
  store: SandboxStore
  bucket: string
  clock: Clock
  faults: FaultInjector
  verifyTokenTtlSeconds: number
  /** Addresses and account details of the running sandbox. */
  info: () => Record<string, unknown>
  /** Forget everything and bring back the demo accounts. */
  reset: () => Promise<void>
  /** Who may call: this run's bearer token, under a Host naming this machine. */
  guard: AdminGuard
}

const COMPLETION_STATUS = { unknown: 404, used: 409, expired: 410, superseded: 410 } as const

/** The admin API (JSON in, JSON out), registered under its own prefix on the API server. */
export async function adminRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const liveness = { store: deps.store, clock: deps.clock, verifyTokenTtlSeconds: deps.verifyTokenTtlSeconds }

  // Admin calls without a body (reset, clearing faults) often still say application/json: an empty
  // body is then an empty object, not an error.
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, String(body).trim() === '' ? {} : parseJsonParams(String(body)))
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)), undefined)
    }
  })

  app.addHook('onRequest', async (request, reply) => checkAdminRequest(deps.guard, request, reply))

  app.setErrorHandler((error: { statusCode?: number; message?: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
    return adminError(reply, status, status === 500 ? 'internal_error' : 'bad_request', status === 500 ? 'internal error' : String(error.message))
  })
  app.setNotFoundHandler((request, reply) => adminError(reply, 404, 'not_found', `no admin route ${request.method} ${request.url}`))

  app.get('/info', async () => deps.info())

  app.get('/users', async () => ({ users: deps.store.users.list() }))

  app.post('/users', async (request, reply) => {
    const body = createUserBody.safeParse(request.body ?? {})
    if (!body.success) return invalidRequest(reply, body.error)
    try {
      const wanted = { ...(body.data.uid ? { uid: body.data.uid } : {}), ...(body.data.token ? { token: body.data.token } : {}) }
      return reply.code(201).send(createAccount(deps.store.users, deps.clock, wanted))
    } catch (error) {
      if (error instanceof AccountExistsError) return adminError(reply, 409, 'conflict', error.message)
      throw error
    }
  })

  app.get('/users/:uid', async (request, reply) => {
    const params = uidParams.safeParse(request.params)
    if (!params.success) return invalidRequest(reply, params.error)
    const user = deps.store.users.find(params.data.uid)
    if (!user) return adminError(reply, 404, 'not_found', `no user ${params.data.uid}`)
    return describeUser(liveness, user)
  })

  // The customer's new account QR: a fresh token for the same uid (see options.tokenTtlSeconds).
  app.post('/users/:uid/token', async (request, reply) => {
    const params = uidParams.safeParse(request.params)
    if (!params.success) return invalidRequest(reply, params.error)
    const token = randomUserToken()
    if (!deps.store.users.reissueToken(params.data.uid, token, deps.clock())) return adminError(reply, 404, 'not_found', `no user ${params.data.uid}`)
    return { uid: params.data.uid, token }
  })

  app.get('/objects', async (request, reply) => {
    const query = objectsQuery.safeParse(request.query)
    if (!query.success) return invalidRequest(reply, query.error)
    const objects = deps.store.objects.list(deps.bucket, query.data.prefix).map((object) => ({
      key: object.key,
      size: object.size,
      md5: object.md5Hex,
      contentMd5: Buffer.from(object.md5Hex, 'hex').toString('base64'),
      contentType: object.contentType,
      lastModified: isoSeconds(object.lastModified),
    }))
    return { bucket: deps.bucket, prefix: query.data.prefix, objects }
  })

  app.post('/liveness/:verifyToken', async (request, reply) => {
    const params = livenessParams.safeParse(request.params)
    if (!params.success) return invalidRequest(reply, params.error)
    const body = livenessBody.safeParse(request.body)
    if (!body.success) return invalidRequest(reply, body.error)
    const outcome = completeVerification(liveness, params.data.verifyToken, body.data.result)
    if (outcome !== 'recorded') return adminError(reply, COMPLETION_STATUS[outcome], outcome, `verify token is ${outcome}`)
    return { verifyToken: params.data.verifyToken, result: body.data.result }
  })

  app.get('/faults', async () => deps.faults.snapshot())
  app.post('/faults', async (request, reply) => {
    const profile = faultProfileSchema.safeParse(request.body)
    if (!profile.success) return invalidRequest(reply, profile.error)
    deps.faults.set(profile.data)
    return deps.faults.snapshot()
  })
  app.delete('/faults', async () => {
    deps.faults.clear()
    return deps.faults.snapshot()
  })

  app.post('/reset', async () => {
    await deps.reset()
    return { reset: true, users: deps.store.users.seeded() }
  })
}
