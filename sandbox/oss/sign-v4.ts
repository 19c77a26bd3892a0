import { createHash, createHmac } from 'node:crypto'

// OSS V4 header signature (OSS4-HMAC-SHA256):
//   CanonicalRequest = VERB \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n AdditionalHeaders \n HashedPayload
//   StringToSign = "OSS4-HMAC-SHA256" \n x-oss-date \n <yyyymmdd>/<region>/oss/aliyun_v4_request \n hex(sha256(CanonicalRequest))
//   SigningKey = HMAC chain from "aliyun_v4" + secret over date, region, "oss", "aliyun_v4_request"

export const V4_ALGORITHM = 'OSS4-HMAC-SHA256'
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD'

/** RFC 3986 encoding: encodeURIComponent plus ! ' ( ) *. */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
}

export interface V4CanonicalInput {
  method: string
  bucket: string
  key: string
  query: readonly (readonly [string, string])[]
  /** All request headers, lower-case names. */
  headers: Readonly<Record<string, string>>
  /** Lower-case names the client listed in AdditionalHeaders. */
  additionalHeaders: readonly string[]
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function canonicalRequestV4(input: V4CanonicalInput): string {
  const uri = uriEncode(`/${input.bucket === '' ? '' : `${input.bucket}/`}${input.key}`).replace(/%2F/g, '/')
  const query = input.query
    .map(([name, value]) => [uriEncode(name), value === '' ? '' : uriEncode(value)] as const)
    .sort(([a], [b]) => byCodeUnits(a, b))
    .map(([name, value]) => (value === '' ? name : `${name}=${value}`))
    .join('&')
  const signedNames = new Set(input.additionalHeaders)
  for (const name of Object.keys(input.headers)) {
    if (name === 'content-type' || name === 'content-md5' || name.startsWith('x-oss-')) signedNames.add(name)
  }
  const headers = [...signedNames]
    .sort(byCodeUnits)
    .map((name) => `${name}:${(input.headers[name] ?? '').trim()}\n`)
    .join('')
  const payload = input.headers['x-oss-content-sha256'] ?? UNSIGNED_PAYLOAD
  return [input.method.toUpperCase(), uri, query, headers, input.additionalHeaders.join(';'), payload].join('\n')
}

export function credentialScope(date: string, region: string): string {
  return `${date}/${region}/oss/aliyun_v4_request`
}

export function stringToSignV4(timestamp: string, region: string, canonicalRequest: string): string {
  const hashed = createHash('sha256').update(canonicalRequest, 'utf8').digest('hex')
  return [V4_ALGORITHM, timestamp, credentialScope(timestamp.slice(0, 8), region), hashed].join('\n')
}

export function signV4(accessKeySecret: string, date: string, region: string, stringToSign: string): string {
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest()
  const signingKey = hmac(hmac(hmac(hmac(`aliyun_v4${accessKeySecret}`, date), region), 'oss'), 'aliyun_v4_request')
  return createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex')
}
