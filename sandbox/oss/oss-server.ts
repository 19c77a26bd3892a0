import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https'
import type { Clock } from '../common/clock'
import { randomRequestId } from '../common/random-ids'
import { delay, dropConnection, dropConnectionMidUpload, requestHasBody } from '../faults/connection-faults'
import type { FaultInjector } from '../faults/fault-injector'
import type { SandboxStore } from '../store/sandbox-store'
import { resolveAddress } from './addressing'
import type { AccountKey, OssPrincipal } from './authenticate'
import { authenticate } from './authenticate'
import { objectKeyProblem } from './object-key'
import { deleteObject, getObject, headObject, putObject } from './object-handlers'
import type { ObjectRequest } from './object-handlers'
import { OssError, ossErrors, renderErrorXml } from './oss-errors'
import { objectResource, policyAllows } from './policy'
import { checkDeclaredLength } from './request-body'
import { lowerCaseHeaders, parseQuery } from './request-headers'
import { SUB_RESOURCES } from './sign-v1'

export interface OssServerDeps {
  store: SandboxStore
  bucket: string
  /** The ali-oss style region, e.g. `oss-cn-hangzhou`. */
  region: string
  accountId: string
  account: AccountKey
  clock: Clock
  faults: FaultInjector
  maxObjectBytes: number
  log: (line: string, from?: { readonly remoteAddress: string; readonly remotePort: number }) => void
  /** Serve https with this key and certificate (`--tls`); plain http without. */
  tls?: { key: string; cert: string }
}

const OBJECT_ACTIONS: Record<string, string> = { GET: 'oss:GetObject', HEAD: 'oss:GetObject', PUT: 'oss:PutObject', DELETE: 'oss:DeleteObject', POST: 'oss:PutObject' }
const BUCKET_ACTIONS: Record<string, string> = { GET: 'oss:ListObjects', HEAD: 'oss:GetBucketInfo', PUT: 'oss:PutBucket', DELETE: 'oss:DeleteBucket', POST: 'oss:PostObject' }

/** The standard region id (`cn-hangzhou`) from the ali-oss region option (`oss-cn-hangzhou`). */
export function standardRegion(region: string): string {
  return region.replace(/^oss-/, '')
}

function authorize(deps: OssServerDeps, principal: OssPrincipal, method: string, key: string): void {
  if (principal.kind === 'account') return
  const action = (key === '' ? BUCKET_ACTIONS : OBJECT_ACTIONS)[method] ?? 'oss:*'
  const resource = objectResource(standardRegion(deps.region), deps.accountId, deps.bucket, key)
  if (!policyAllows(principal.policy, action, resource)) {
    throw ossErrors.accessDenied(`You have no right to access this object because of the policy of your security token (${action} on ${deps.bucket}/${key}).`)
  }
}

/** What to do with a request once it is authenticated and authorised. */
async function dispatch(deps: OssServerDeps, method: string, call: ObjectRequest): Promise<void> {
  const handlerDeps = { store: deps.store, clock: deps.clock, maxObjectBytes: deps.maxObjectBytes }
  if (call.key === '') throw ossErrors.notImplemented('bucket operations')
  const subResource = call.query.find(([name]) => SUB_RESOURCES.has(name) && !name.startsWith('response-'))
  if (subResource || method === 'POST') throw ossErrors.notImplemented(subResource ? `the ${subResource[0]} sub-resource` : 'PostObject and AppendObject')
  if (method === 'PUT') return putObject(handlerDeps, call)
  if (method === 'GET') return getObject(handlerDeps, call)
  if (method === 'HEAD') return headObject(handlerDeps, call)
  return deleteObject(handlerDeps, call)
}

async function route(deps: OssServerDeps, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = request.url ?? '/'
  const queryStart = url.indexOf('?')
  const address = resolveAddress(request.headers.host, queryStart === -1 ? url : url.slice(0, queryStart), deps.bucket)
  const query = parseQuery(queryStart === -1 ? '' : url.slice(queryStart + 1))
  if (query === null) throw ossErrors.invalidUri()
  const method = request.method ?? 'GET'

  const fault = deps.faults.decide('oss', method, `/${address.bucket}/${address.key}`, requestHasBody(request))
  if (fault) {
    if (fault.latencyMs > 0) await delay(fault.latencyMs)
    if (fault.action === 'error') throw ossErrors.internalError()
    if (fault.action === 'drop') return dropConnection(request)
    if (fault.action === 'dropMidUpload') return dropConnectionMidUpload(request)
  }

  if (method === 'OPTIONS') throw ossErrors.accessDenied('CORSResponse: CORS is not enabled for this bucket.')
  if (!(method in OBJECT_ACTIONS)) throw ossErrors.methodNotAllowed(method)
  const keyProblem = address.key === '' ? null : objectKeyProblem(address.key)
  if (keyProblem) throw ossErrors.invalidObjectName(keyProblem)

  // Framing before authentication: a PUT whose body length is unknown or too large is not read.
  if (method === 'PUT') checkDeclaredLength(request, deps.maxObjectBytes)

  const headers = lowerCaseHeaders(request.rawHeaders)
  const principal = authenticate(
    { credentials: deps.store.sts, account: deps.account, signingRegion: standardRegion(deps.region) },
    { method, bucket: address.bucket, key: address.key, query, headers, now: deps.clock() },
  )
  authorize(deps, principal, method, address.key)
  await dispatch(deps, method, { request, response, bucket: address.bucket, key: address.key, headers, query })
}

function sendError(response: ServerResponse, isHead: boolean, error: OssError, requestId: string, hostId: string): void {
  if (response.headersSent) {
    response.destroy()
    return
  }
  const xml = renderErrorXml(error, requestId, hostId)
  const headers: Record<string, string> = { 'Content-Type': 'application/xml' }
  // A body the server did not read (too large, no length) must not be parsed as the next request.
  if (error.code === 'EntityTooLarge' || error.code === 'MissingContentLength') headers['Connection'] = 'close'
  if (isHead) {
    // HEAD has no body: OSS sends the error document base64-encoded in x-oss-err, which ali-oss reads.
    response.writeHead(error.httpStatus, { ...headers, 'x-oss-err': Buffer.from(xml).toString('base64') })
    response.end()
    return
  }
  response.writeHead(error.httpStatus, { ...headers, 'Content-Length': String(Buffer.byteLength(xml)) })
  response.end(xml)
}

/**
 * The OSS endpoint: a plain Node HTTP server (OSS is a low-level protocol: raw paths, raw headers,
 * streamed bodies), answering like OSS with `x-oss-request-id` on every response.
 */
export function createOssServer(deps: OssServerDeps): Server | HttpsServer {
  const hostId = `${deps.bucket}.${deps.region}.aliyuncs.com`
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const requestId = randomRequestId()
    const started = Date.now()
    response.setHeader('x-oss-request-id', requestId)
    response.setHeader('Server', 'AliyunOSS')
    const from = { remoteAddress: request.socket.remoteAddress ?? '', remotePort: request.socket.remotePort ?? 0 }
    response.on('finish', () => deps.log(`oss ${request.method} ${request.url} -> ${response.statusCode} ${Date.now() - started}ms`, from))
    route(deps, request, response).catch((error: unknown) => {
      if (!(error instanceof OssError)) deps.log(`oss ${request.method} ${request.url} failed: ${error instanceof Error ? error.stack : String(error)}`)
      sendError(response, request.method === 'HEAD', error instanceof OssError ? error : ossErrors.internalError(), requestId, hostId)
    })
  }
  const server = deps.tls ? createHttpsServer({ key: deps.tls.key, cert: deps.tls.cert }, handle) : createServer(handle)
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
    else socket.destroy()
  })
  return server
}
