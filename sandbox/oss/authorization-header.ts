import { ossErrors } from './oss-errors'
import { V4_ALGORITHM } from './sign-v4'

export type ParsedAuthorization =
  | { version: 'v1'; accessKeyId: string; signature: string }
  | {
      version: 'v4'
      accessKeyId: string
      /** yyyymmdd from the credential scope. */
      date: string
      region: string
      additionalHeaders: string[]
      signature: string
    }

const INVALID = 'Authorization header is invalid.'

/** `OSS <AccessKeyId>:<Signature>` or `OSS4-HMAC-SHA256 Credential=...,AdditionalHeaders=...,Signature=...`. */
export function parseAuthorization(value: string): ParsedAuthorization {
  const v1 = /^OSS ([^:\s]+):(\S+)$/.exec(value)
  if (v1) return { version: 'v1', accessKeyId: v1[1] ?? '', signature: v1[2] ?? '' }

  if (!value.startsWith(`${V4_ALGORITHM} `)) throw ossErrors.invalidArgument(INVALID)
  const fields = new Map<string, string>()
  for (const part of value.slice(V4_ALGORITHM.length + 1).split(',')) {
    const separator = part.indexOf('=')
    if (separator === -1) throw ossErrors.invalidArgument(INVALID)
    fields.set(part.slice(0, separator).trim(), part.slice(separator + 1).trim())
  }
  const credential = (fields.get('Credential') ?? '').split('/')
  const signature = fields.get('Signature') ?? ''
  const [accessKeyId, date, region, product, terminator] = credential
  if (
    credential.length !== 5 ||
    !accessKeyId ||
    !/^\d{8}$/.test(date ?? '') ||
    !region ||
    product !== 'oss' ||
    terminator !== 'aliyun_v4_request' ||
    !/^[0-9a-f]{64}$/.test(signature)
  ) {
    throw ossErrors.invalidArgument(INVALID)
  }
  const additional = fields.get('AdditionalHeaders')
  return {
    version: 'v4',
    accessKeyId,
    date: date ?? '',
    region,
    additionalHeaders: additional ? additional.split(';').map((name) => name.trim().toLowerCase()).filter(Boolean) : [],
    signature,
  }
}
