import { describe, expect, it } from 'vitest'
import { resolveAddress } from './addressing'
import { objectKeyProblem } from './object-key'
import { OssError } from './oss-errors'

describe('request addressing', () => {
  it('reads the bucket from the Host, the path, or neither (CNAME)', () => {
    expect(resolveAddress('kyc-sandbox.oss-cn-hangzhou.aliyuncs.com', '/kyc/1/a%20b.jpg', 'kyc-sandbox')).toEqual({
      bucket: 'kyc-sandbox', key: 'kyc/1/a b.jpg', style: 'virtual-host',
    })
    expect(resolveAddress('127.0.0.1:9000', '/kyc-sandbox/kyc/1/a.jpg', 'kyc-sandbox')).toEqual({
      bucket: 'kyc-sandbox', key: 'kyc/1/a.jpg', style: 'path',
    })
    // ali-oss with an IP endpoint and sldEnable sends both; the path wins.
    expect(resolveAddress('kyc-sandbox.oss-cn-hangzhou.aliyuncs.com', '/kyc-sandbox/kyc/1/a.jpg', 'kyc-sandbox').key).toBe('kyc/1/a.jpg')
    expect(resolveAddress('localhost:9000', '/kyc/1/a.jpg', 'kyc-sandbox')).toEqual({ bucket: 'kyc-sandbox', key: 'kyc/1/a.jpg', style: 'cname' })
    expect(resolveAddress('[::1]:9000', '/kyc-sandbox', 'kyc-sandbox')).toEqual({ bucket: 'kyc-sandbox', key: '', style: 'path' })
  })

  it('refuses malformed percent-encoding', () => {
    expect(() => resolveAddress('localhost', '/kyc/%E0%A4%A', 'kyc-sandbox')).toThrow(OssError)
  })
})

describe('object names', () => {
  it('accepts ordinary keys, including non-ASCII', () => {
    expect(objectKeyProblem('kyc/1/applicant-7/front-ab12.jpg')).toBeNull()
    expect(objectKeyProblem('kyc/1/张三/正面.jpg')).toBeNull()
  })

  it('refuses traversal, absolute paths, backslashes, control characters and oversize names', () => {
    for (const key of ['', '/kyc/1/x', 'kyc/1/../2/x', '..', 'kyc/./x', 'kyc\\1\\x', 'kyc/1/\u0000x', 'k'.repeat(1024)]) {
      expect(objectKeyProblem(key), key).not.toBeNull()
    }
  })
})
