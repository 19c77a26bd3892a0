import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { canonicalizedResource, signV1, stringToSignV1 } from './sign-v1'

// ali-oss's own signer, as a second implementation to compare with (plain JS, no type declarations).
const aliOssSignUtils = createRequire(import.meta.url)('ali-oss/lib/common/signUtils.js') as {
  buildCanonicalString(method: string, resource: string, request: { headers: Record<string, string>; parameters?: unknown }): string
  computeSignature(secret: string, canonicalString: string): string
}

describe('OSS V1 signature', () => {
  it("reproduces the worked example in Aliyun's documentation", () => {
    // Source: "Include a V1 signature in the Authorization header" (在Header中包含签名), example section,
    // https://www.alibabacloud.com/help/doc-detail/31951.htm (also https://help.aliyun.com/document_detail/31951.htm).
    // The page's request shows Content-MD5 eB5eJF1ptWaXm4bijSPyxw==, but the string it signs (its
    // Python sample) and the published result 26NBxoKdsyly4EDv6inkoDft/yA= use
    // ODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=, so that is the value reproduced here.
    const stringToSign = stringToSignV1({
      verb: 'PUT',
      contentMd5: 'ODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=',
      contentType: 'text/html',
      date: 'Thu, 17 Nov 2005 18:49:58 GMT',
      ossHeaders: { 'x-oss-meta-author': 'foo@bar.com', 'x-oss-magic': 'abracadabra' },
      bucket: 'oss-example',
      key: 'nelson',
      query: [],
    })
    expect(stringToSign).toBe(
      'PUT\nODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=\ntext/html\nThu, 17 Nov 2005 18:49:58 GMT\n' +
        'x-oss-magic:abracadabra\nx-oss-meta-author:foo@bar.com\n/oss-example/nelson',
    )
    expect(signV1('OtxrzxIsfpFjA7SwPzILwy8Bw21TLhquhboDYROV', stringToSign)).toBe('26NBxoKdsyly4EDv6inkoDft/yA=')
  })

  it('signs sub-resources sorted, other query parameters not at all', () => {
    expect(canonicalizedResource('b', 'k', [['uploadId', 'u1'], ['foo', 'bar'], ['acl', '']])).toBe('/b/k?acl&uploadId=u1')
    expect(canonicalizedResource('b', '', [])).toBe('/b/')
  })

  it('agrees with ali-oss on an STS request with a security token and UTF-8 key', () => {
    const headers = {
      'Content-MD5': 'XrY7u+Ae7tCTyyK7j1rNww==',
      'Content-Type': 'image/jpeg',
      'x-oss-date': 'Wed, 28 Oct 2026 08:16:38 GMT',
      'x-oss-security-token': 'CAIS-example-token',
      'X-OSS-Meta-Step': ' front ',
    }
    const key = 'kyc/9007199254740993/申请人/front.jpg'
    const expected = aliOssSignUtils.buildCanonicalString('PUT', `/kyc-sandbox/${key}`, { headers, parameters: { 'response-content-type': 'x/y' } })
    const ours = stringToSignV1({
      verb: 'PUT',
      contentMd5: headers['Content-MD5'],
      contentType: headers['Content-Type'],
      date: headers['x-oss-date'],
      ossHeaders: { 'x-oss-date': headers['x-oss-date'], 'x-oss-security-token': headers['x-oss-security-token'], 'x-oss-meta-step': ' front ' },
      bucket: 'kyc-sandbox',
      key,
      query: [['response-content-type', 'x/y']],
    })
    expect(ours).toBe(expected)
    expect(signV1('secret', ours)).toBe(aliOssSignUtils.computeSignature('secret', expected))
  })
})
