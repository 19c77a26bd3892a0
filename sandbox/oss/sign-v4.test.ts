import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { parseAuthorization } from './authorization-header'
import { canonicalRequestV4, signV4, stringToSignV4, uriEncode } from './sign-v4'

const aliOssSignUtils = createRequire(import.meta.url)('ali-oss/lib/common/signUtils.js') as {
  authorizationV4(
    accessKeyId: string,
    accessKeySecret: string,
    region: string,
    method: string,
    request: { headers: Record<string, string>; queries?: Record<string, string | null> },
    bucketName?: string,
    objectName?: string,
    additionalHeaders?: string[],
  ): string
}

describe('OSS V4 signature', () => {
  it('produces the Authorization header ali-oss computes for the same request', () => {
    const headers = {
      'content-type': 'image/jpeg',
      'content-md5': 'XrY7u+Ae7tCTyyK7j1rNww==',
      'x-oss-date': '20261028T081638Z',
      'x-oss-content-sha256': 'UNSIGNED-PAYLOAD',
      'x-oss-security-token': 'CAIS-token',
      host: 'kyc-sandbox.oss-cn-hangzhou.aliyuncs.com',
    }
    const key = "kyc/42/it's (front)*.jpg"
    const expected = aliOssSignUtils.authorizationV4('STS.key', 'secret', 'cn-hangzhou', 'PUT', { headers, queries: { acl: null, 'x-oss-process': 'image/resize' } }, 'kyc-sandbox', key, ['host'])
    const parsed = parseAuthorization(expected)
    if (parsed.version !== 'v4') throw new Error('expected V4')

    const canonical = canonicalRequestV4({
      method: 'PUT',
      bucket: 'kyc-sandbox',
      key,
      query: [['x-oss-process', 'image/resize'], ['acl', '']],
      headers,
      additionalHeaders: parsed.additionalHeaders,
    })
    const signature = signV4('secret', parsed.date, parsed.region, stringToSignV4(headers['x-oss-date'], 'cn-hangzhou', canonical))
    expect(parsed).toMatchObject({ accessKeyId: 'STS.key', date: '20261028', region: 'cn-hangzhou', additionalHeaders: ['host'] })
    expect(signature).toBe(parsed.signature)
    expect(signV4('other secret', parsed.date, parsed.region, stringToSignV4(headers['x-oss-date'], 'cn-hangzhou', canonical))).not.toBe(parsed.signature)
  })

  it('encodes like RFC 3986', () => {
    expect(uriEncode("a b!'()*~")).toBe('a%20b%21%27%28%29%2A~')
  })
})
