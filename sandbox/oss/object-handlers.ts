import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import type { Clock } from '../common/clock'
import type { SandboxStore } from '../store/sandbox-store'
import type { StoredObject } from '../store/objects'
import { ossErrors } from './oss-errors'
import { readObjectBody } from './request-body'
import { formatHttpDate } from './request-time'
import { UNSIGNED_PAYLOAD } from './sign-v4'

export interface ObjectHandlerDeps {
  store: SandboxStore
  clock: Clock
  maxObjectBytes: number
}

export interface ObjectRequest {
  request: IncomingMessage
  response: ServerResponse
  bucket: string
  key: string
  /** Lower-case header names. */
  headers: Readonly<Record<string, string>>
  query: readonly (readonly [string, string])[]
}

/** A Content-MD5 header must be the base64 of exactly 16 bytes. */
function expectedMd5(headers: Readonly<Record<string, string>>): Buffer | null {
  const value = headers['content-md5']
  if (value === undefined) return null
  const decoded = Buffer.from(value, 'base64')
  if (!/^[A-Za-z0-9+/]{22}==$/.test(value) || decoded.length !== 16) throw ossErrors.invalidDigest()
  return decoded
}

export async function putObject(deps: ObjectHandlerDeps, call: ObjectRequest): Promise<void> {
  const expected = expectedMd5(call.headers)
  const body = await readObjectBody(call.request, deps.maxObjectBytes)
  const md5 = createHash('md5').update(body).digest()
  if (expected && !expected.equals(md5)) throw ossErrors.badDigest(expected.toString('base64'), md5.toString('base64'))
  const declaredSha256 = call.headers['x-oss-content-sha256']
  if (declaredSha256 !== undefined && declaredSha256 !== UNSIGNED_PAYLOAD && declaredSha256 !== createHash('sha256').update(body).digest('hex')) {
    throw ossErrors.invalidArgument("The provided 'x-oss-content-sha256' header does not match what was computed.")
  }

  const blobName = deps.store.blobs.newName(call.bucket, call.key)
  await deps.store.blobs.write(blobName, body)
  const previous = deps.store.objects.find(call.bucket, call.key)
  const userMeta = Object.fromEntries(
    Object.entries(call.headers)
      .filter(([name]) => name.startsWith('x-oss-meta-'))
      .map(([name, value]) => [name.slice('x-oss-meta-'.length), value]),
  )
  deps.store.objects.save({
    bucket: call.bucket,
    key: call.key,
    size: body.length,
    md5Hex: md5.toString('hex'),
    contentType: call.headers['content-type'] ?? 'application/octet-stream',
    userMeta,
    blobName,
    lastModified: deps.clock(),
  })
  // Best effort: an orphaned old body wastes a little disk, it never serves wrong data.
  if (previous) await deps.store.blobs.remove(previous.blobName).catch(() => undefined)
  call.response.writeHead(200, {
    ETag: `"${md5.toString('hex').toUpperCase()}"`,
    'Content-MD5': md5.toString('base64'),
    'Content-Length': '0',
  })
  call.response.end()
}

/** `response-*` query parameters override the stored headers on a GET, as OSS allows. */
const RESPONSE_OVERRIDES: Record<string, string> = {
  'response-content-type': 'Content-Type',
  'response-content-language': 'Content-Language',
  'response-expires': 'Expires',
  'response-cache-control': 'Cache-Control',
  'response-content-disposition': 'Content-Disposition',
  'response-content-encoding': 'Content-Encoding',
}

function objectHeaders(object: StoredObject, query: ObjectRequest['query']): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': object.contentType,
    'Content-Length': String(object.size),
    ETag: `"${object.md5Hex.toUpperCase()}"`,
    'Last-Modified': formatHttpDate(object.lastModified),
    'Content-MD5': Buffer.from(object.md5Hex, 'hex').toString('base64'),
    'x-oss-object-type': 'Normal',
    'x-oss-storage-class': 'Standard',
  }
  for (const [name, value] of Object.entries(object.userMeta)) headers[`x-oss-meta-${name}`] = value
  for (const [name, value] of query) {
    const header = RESPONSE_OVERRIDES[name]
    if (header) headers[header] = value
  }
  return headers
}

function findObject(deps: ObjectHandlerDeps, call: ObjectRequest): StoredObject {
  const object = deps.store.objects.find(call.bucket, call.key)
  if (!object) throw ossErrors.noSuchKey(call.key)
  return object
}

export async function getObject(deps: ObjectHandlerDeps, call: ObjectRequest): Promise<void> {
  const object = findObject(deps, call)
  const stream = createReadStream(deps.store.blobs.pathOf(object.blobName))
  // Open the file before committing to a 200, so a missing body is an InternalError, not a truncated reply.
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve())
    stream.once('error', reject)
  }).catch(() => {
    throw ossErrors.internalError()
  })
  call.response.writeHead(200, objectHeaders(object, call.query))
  await pipeline(stream, call.response).catch((error: NodeJS.ErrnoException) => {
    // A client that hangs up mid-download is its own problem, not a server failure.
    if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error
  })
}

export async function headObject(deps: ObjectHandlerDeps, call: ObjectRequest): Promise<void> {
  const object = findObject(deps, call)
  call.response.writeHead(200, objectHeaders(object, []))
  call.response.end()
}

/** Deleting a key that does not exist also succeeds (204), as on OSS. */
export async function deleteObject(deps: ObjectHandlerDeps, call: ObjectRequest): Promise<void> {
  const object = deps.store.objects.find(call.bucket, call.key)
  if (object) {
    deps.store.objects.delete(call.bucket, call.key)
    await deps.store.blobs.remove(object.blobName)
  }
  call.response.writeHead(204)
  call.response.end()
}
