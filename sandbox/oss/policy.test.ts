import { describe, expect, it } from 'vitest'
import { uploadPolicyFor } from '../platform/sts-issuer'
import { objectResource, policyAllows } from './policy'

describe('STS policy evaluation', () => {
  const policy = uploadPolicyFor('kyc-sandbox', '9007199254740993')
  const resource = (key: string, bucket = 'kyc-sandbox') => objectResource('cn-hangzhou', '1234', bucket, key)

  it('allows put and get under the uid prefix only', () => {
    expect(policyAllows(policy, 'oss:PutObject', resource('kyc/9007199254740993/a/front.jpg'))).toBe(true)
    expect(policyAllows(policy, 'oss:GetObject', resource('kyc/9007199254740993/x'))).toBe(true)
    expect(policyAllows(policy, 'oss:DeleteObject', resource('kyc/9007199254740993/x'))).toBe(false)
    expect(policyAllows(policy, 'oss:ListObjects', resource(''))).toBe(false)
    expect(policyAllows(policy, 'oss:PutObject', resource('kyc/9007199254740992/x'))).toBe(false)
    expect(policyAllows(policy, 'oss:PutObject', resource('kyc/90071992547409931/x'))).toBe(false)
    expect(policyAllows(policy, 'oss:PutObject', resource('other/kyc/9007199254740993/x'))).toBe(false)
    expect(policyAllows(policy, 'oss:PutObject', resource('kyc/9007199254740993/x', 'another-bucket'))).toBe(false)
  })

  it('lets an explicit Deny win and never trusts an unreadable policy', () => {
    const withDeny = JSON.stringify({
      Version: '1',
      Statement: [
        { Effect: 'Allow', Action: 'oss:*', Resource: 'acs:oss:*:*:*' },
        { Effect: 'Deny', Action: ['oss:PutObject'], Resource: ['acs:oss:*:*:b/secret/*'] },
      ],
    })
    expect(policyAllows(withDeny, 'oss:PutObject', objectResource('r', 'a', 'b', 'open/x'))).toBe(true)
    expect(policyAllows(withDeny, 'oss:putobject', objectResource('r', 'a', 'b', 'secret/x'))).toBe(false)
    expect(policyAllows('not json', 'oss:GetObject', resource('kyc/1/x'))).toBe(false)
    expect(policyAllows('{"Statement":"nope"}', 'oss:GetObject', resource('kyc/1/x'))).toBe(false)
  })
})
