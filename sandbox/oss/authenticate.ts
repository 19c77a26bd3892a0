import { timingSafeEqual } from 'node:crypto'
import { isoSeconds } from '../common/clock'
import type { StsCredentialRepository } from '../store/sts-credentials'
import type { ParsedAuthorization } from './authorization-header'
import { parseAuthorization } from './authorization-header'
import { ossErrors } from './oss-errors'
import { ossHeadersOf } from './request-headers'
import { MAX_CLOCK_SKEW_MS, formatHttpDate, parseHttpDate, parseIsoBasic } from './request-time'
import { signV1, stringToSignV1 } from './sign-v1'
import { canonicalRequestV4, signV4, stringToSignV4 } from './sign-v4'

/** Who signed a request: temporary STS credentials (with their policy) or the sandbox account's own key. */
export type OssPrincipal = { kind: 'sts'; accessKeyId: string; policy: string } | { kind: 'account'; accessKeyId: string }

export interface AccountKey {
  accessKeyId: string
  accessKeySecret: string
}

export interface AuthenticationDeps {
  credentials: StsCredentialRepository
  account: AccountKey
  /** Standard region id the V4 scope must name, e.g. `cn-hangzhou`. */
  signingRegion: string
}

export interface SignedRequest {
  method: string
  bucket: string
  key: string
  query: readonly (readonly [string, string])[]
  /** Lower-case header names. */
  headers: Readonly<Record<string, string>>
  now: number
}

interface SigningKey {
  principal: OssPrincipal
  secret: string
}

/**
 * Authenticates a request the way OSS does, refusing with its error codes in its order: no
 * signature (AccessDenied), unreadable header (InvalidArgument), missing or skewed time, unknown
 * key, wrong or expired security token, then the signature itself.
 */
export function authenticate(deps: AuthenticationDeps, request: SignedRequest): OssPrincipal {
  const header = request.headers['authorization']
  if (!header) throw ossErrors.accessDenied('You have no right to access this object because of bucket acl.')
  const authorization = parseAuthorization(header)

  checkRequestTime(authorization, request)
  const key = lookUpKey(deps, authorization.accessKeyId, request)

  if (authorization.version === 'v1') {
    const stringToSign = stringToSignV1({
      verb: request.method,
      contentMd5: request.headers['content-md5'] ?? '',
      contentType: request.headers['content-type'] ?? '',
      date: request.headers['x-oss-date'] ?? request.headers['date'] ?? '',
      ossHeaders: ossHeadersOf(request.headers),
      bucket: request.bucket,
      key: request.key,
      query: request.query,
    })
    requireSignature(signV1(key.secret, stringToSign), authorization, stringToSign)
    return key.principal
  }

  if (authorization.region !== deps.signingRegion) {
    throw ossErrors.invalidArgument(`Invalid signing region in Authorization header: expected ${deps.signingRegion}.`)
  }
  if (request.headers['x-oss-content-sha256'] === undefined) {
    throw ossErrors.invalidArgument('Missing required header for this request: x-oss-content-sha256.')
  }
  for (const name of authorization.additionalHeaders) {
    if (request.headers[name] === undefined) throw ossErrors.invalidArgument(`Additional header ${name} is not in the request.`)
  }
  const canonicalRequest = canonicalRequestV4({
    method: request.method,
    bucket: request.bucket,
    key: request.key,
    query: request.query,
    headers: request.headers,
    additionalHeaders: authorization.additionalHeaders,
  })
  const stringToSign = stringToSignV4(request.headers['x-oss-date'] ?? '', authorization.region, canonicalRequest)
  requireSignature(signV4(key.secret, authorization.date, authorization.region, stringToSign), authorization, stringToSign, canonicalRequest)
  return key.principal
}

function checkRequestTime(authorization: ParsedAuthorization, request: SignedRequest): void {
  const raw = request.headers['x-oss-date'] ?? (authorization.version === 'v1' ? request.headers['date'] : undefined)
  const time = raw === undefined ? null : authorization.version === 'v1' ? parseHttpDate(raw) : parseIsoBasic(raw)
  if (time === null) {
    throw ossErrors.accessDenied(
      authorization.version === 'v1'
        ? 'The request must carry a Date or x-oss-date header in RFC 1123 GMT format.'
        : 'The request must carry an x-oss-date header in ISO 8601 basic format (yyyymmddTHHMMssZ).',
    )
  }
  if (authorization.version === 'v4' && raw?.slice(0, 8) !== authorization.date) {
    throw ossErrors.invalidArgument('The date in the credential scope does not match x-oss-date.')
  }
  if (Math.abs(time - request.now) > MAX_CLOCK_SKEW_MS) {
    throw ossErrors.requestTimeTooSkewed(formatHttpDate(time), formatHttpDate(request.now))
  }
}

function lookUpKey(deps: AuthenticationDeps, accessKeyId: string, request: SignedRequest): SigningKey {
  if (accessKeyId === deps.account.accessKeyId) {
    return { principal: { kind: 'account', accessKeyId }, secret: deps.account.accessKeySecret }
  }
  const credential = accessKeyId.startsWith('STS.') ? deps.credentials.find(accessKeyId) : undefined
  if (!credential) throw ossErrors.invalidAccessKeyId(accessKeyId)
  const token = request.headers['x-oss-security-token']
  if (token === undefined || !sameText(token, credential.securityToken)) throw ossErrors.invalidSecurityToken()
  if (credential.expiresAt <= request.now) throw ossErrors.securityTokenExpired(isoSeconds(credential.expiresAt))
  return { principal: { kind: 'sts', accessKeyId, policy: credential.policy }, secret: credential.accessKeySecret }
}

function requireSignature(expected: string, authorization: ParsedAuthorization, stringToSign: string, canonicalRequest?: string): void {
  if (sameText(expected, authorization.signature)) return
  throw ossErrors.signatureDoesNotMatch({
    StringToSign: stringToSign,
    StringToSignBytes: [...Buffer.from(stringToSign, 'utf8')].map((byte) => byte.toString(16).padStart(2, '0')).join(' '),
    ...(canonicalRequest === undefined ? {} : { CanonicalRequest: canonicalRequest }),
    SignatureProvided: authorization.signature,
    OSSAccessKeyId: authorization.accessKeyId,
  })
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8')
  const right = Buffer.from(b, 'utf8')
  return left.length === right.length && timingSafeEqual(left, right)
}
