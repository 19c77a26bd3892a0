import type { Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import Fastify from 'fastify'
import type { FastifyInstance, FastifyReply, FastifyServerFactory } from 'fastify'
import type { AdminDeps } from '../admin/admin-routes'
import { adminRoutes } from '../admin/admin-routes'
import { delay, dropConnection, dropConnectionMidUpload, requestHasBody } from '../faults/connection-faults'
import type { FaultInjector } from '../faults/fault-injector'
import { failure } from './envelope'
import { registerLivenessRoutes } from './liveness-routes'
import type { PlatformDeps } from './platform-deps'
import { registerRecordRoutes } from './record-routes'
import { parseFormParams, parseJsonParams } from './request-body'
import { Status, refusal } from './status-codes'
import { registerTokenExpiry } from './token-expiry'
import { registerVerifyPageRoutes } from './verify-page-routes'

/** Platform calls carry a few short fields; 64 KiB is generous and keeps absurd bodies out. */
export const API_BODY_LIMIT_BYTES = 64 * 1024

export const ADMIN_PREFIX = '/__admin'

export interface ApiServerDeps {
  platform: PlatformDeps
  admin: Omit<AdminDeps, 'store' | 'bucket' | 'clock' | 'faults' | 'verifyTokenTtlSeconds'>
  faults: FaultInjector
  log: (line: string, from?: { readonly remoteAddress: string; readonly remotePort: number }) => void
  /** Serve https with this key and certificate (`--tls`); plain http without. */
  tls?: { key: string; cert: string }
}

const FRAMEWORK_REFUSALS: Record<number, ReturnType<typeof refusal>> = {
  400: refusal(Status.malformedBody, '请求体格式错误', 'The request body is malformed'),
  413: refusal(Status.bodyTooLarge, `请求体过大（上限 ${API_BODY_LIMIT_BYTES} 字节）`, `The request body is too large (limit ${API_BODY_LIMIT_BYTES} bytes)`),
  415: refusal(
    Status.unsupportedContentType,
    '不支持的 Content-Type：请使用 application/x-www-form-urlencoded 或 application/json',
    'Unsupported Content-Type: use application/x-www-form-urlencoded or application/json',
  ),
}
const INTERNAL_ERROR = refusal(Status.internalError, '服务器内部错误', 'Internal server error')

/** An https.Server emits the same request events as an http.Server; Fastify's types only know the latter. */
function httpsServerFactory(tls: { key: string; cert: string }): FastifyServerFactory<Server> {
  return (handler) => createHttpsServer({ key: tls.key, cert: tls.cert }, handler) as unknown as Server
}

/** Never log a face-check token: anyone holding the URL could complete the check. */
function loggable(url: string): string {
  return url.replace(/^\/verify\/[^/?#]+/, '/verify/<token>')
}

/**
 * The platform API server: the five documented paths, the face-check page and the admin API.
 * Refusals the platform itself decides are HTTP 200 envelopes; only what a web framework rejects
 * before any controller runs (unreadable, oversized or mistyped bodies, unknown paths) and injected
 * faults get an HTTP error status, still with an envelope body.
 */
export function buildApiServer(deps: ApiServerDeps): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: API_BODY_LIMIT_BYTES,
    forceCloseConnections: true,
    ...(deps.tls ? { serverFactory: httpsServerFactory(deps.tls) } : {}),
    // A URL the router cannot even decode (`/%E0%A4%A`) names no API: answer like any unknown path.
    frameworkErrors: (_error, request, reply) => {
      // The hook's reply is typed for any route schema; this one sends a plain envelope.
      const plainReply = reply as unknown as FastifyReply
      plainReply.code(400).send(failure(refusal(Status.unknownPath, '请求地址格式错误', `The request URL is malformed: ${request.url}`), 'zh_CN'))
    },
  })
  const { platform } = deps

  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonParams(String(body)))
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)), undefined)
    }
  })
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseFormParams(String(body)))
  })

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith(ADMIN_PREFIX)) return
    const path = request.url.split('?')[0] ?? request.url
    const decision = deps.faults.decide('api', request.method, path, requestHasBody(request.raw))
    if (!decision) return
    if (decision.latencyMs > 0) await delay(decision.latencyMs)
    if (decision.action === 'error') return reply.code(500).send(failure(INTERNAL_ERROR, 'zh_CN'))
    if (decision.action === 'drop' || decision.action === 'dropMidUpload') {
      reply.hijack()
      if (decision.action === 'drop') dropConnection(request.raw)
      else dropConnectionMidUpload(request.raw)
    }
  })

  app.addHook('onResponse', async (request, reply) => {
    deps.log(`api ${request.method} ${loggable(request.url)} -> ${reply.statusCode} ${Math.round(reply.elapsedTime)}ms`, { remoteAddress: request.raw.socket.remoteAddress ?? '', remotePort: request.raw.socket.remotePort ?? 0 })
  })

  app.setErrorHandler((error: { statusCode?: number; message?: string }, request, reply) => {
    const known = error.statusCode !== undefined ? FRAMEWORK_REFUSALS[error.statusCode] : undefined
    if (known && error.statusCode !== undefined) return reply.code(error.statusCode).send(failure(known, 'zh_CN'))
    deps.log(`api ${request.method} ${loggable(request.url)} failed: ${String(error.message)}`)
    return reply.code(500).send(failure(INTERNAL_ERROR, 'zh_CN'))
  })

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(
      failure(
        refusal(Status.unknownPath, `接口不存在：${request.method} ${request.url.split('?')[0]}`, `No such API: ${request.method} ${request.url.split('?')[0]}`),
        'zh_CN',
      ),
    ),
  )

  registerTokenExpiry(app, { store: platform.store, clock: platform.clock, tokenTtlSeconds: platform.tokenTtlSeconds })
  registerRecordRoutes(app, platform)
  registerLivenessRoutes(app, platform)
  registerVerifyPageRoutes(app, {
    store: platform.store,
    clock: platform.clock,
    verifyTokenTtlSeconds: platform.verifyTokenTtlSeconds,
    hopOrigin: platform.verifyHopOrigin,
  })
  app.register(adminRoutes, {
    prefix: ADMIN_PREFIX,
    ...deps.admin,
    store: platform.store,
    bucket: platform.bucket,
    clock: platform.clock,
    faults: deps.faults,
    verifyTokenTtlSeconds: platform.verifyTokenTtlSeconds,
  })
  return app
}
