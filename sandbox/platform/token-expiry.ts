import type { FastifyInstance } from 'fastify'
import type { Clock } from '../common/clock'
import type { SandboxStore } from '../store/sandbox-store'
import { failure } from './envelope'
import { NOT_LOGGED_IN, languages, type Language } from './status-codes'

export interface TokenExpiryDeps {
  store: SandboxStore
  clock: Clock
  /** Lifetime of a customer token; null: tokens never expire (the default). */
  tokenTtlSeconds: number | null
}

function languageOf(local: unknown): Language {
  return languages.find((l) => l === local) ?? 'zh_CN'
}

/**
 * Customer tokens that expire, as a real platform's do, typically before an offline capture is
 * synced: a call with the right token past its lifetime gets -1001 with the platform's own
 * "not logged in, or the session has expired" message. A new account QR (admin
 * `POST /users/:uid/token`) gives the uid a fresh token.
 */
export function registerTokenExpiry(app: FastifyInstance, deps: TokenExpiryDeps): void {
  const ttl = deps.tokenTtlSeconds
  if (ttl === null) return
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || !/^\/(user|ali)\//.test(request.url)) return
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>
    const uid = typeof body['uid'] === 'string' || typeof body['uid'] === 'number' ? String(body['uid']) : ''
    const user = deps.store.users.find(uid)
    // A wrong token is the ordinary refusal's business; only a right but stale one is expired here.
    if (!user || user.token !== body['token']) return
    const issuedAt = deps.store.users.tokenIssuedAt(uid) ?? 0
    if (deps.clock() - issuedAt <= ttl * 1000) return
    return reply.send(failure(NOT_LOGGED_IN, languageOf(body['local'])))
  })
}
