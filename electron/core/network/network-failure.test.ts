import { describe, expect, it } from 'vitest'
import { certificateFailure, nodeErrorCode } from './network-failure'

describe('certificate failures, from Node\'s codes', () => {
  it.each([
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_UNTRUSTED'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'CERT_UNTRUSTED'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_UNTRUSTED'],
    ['CERT_HAS_EXPIRED', 'CERT_EXPIRED'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_NAME_MISMATCH'],
  ])('%s is %s, with what IT must do in both languages', (nodeCode, code) => {
    const failure = certificateFailure(nodeCode, 'kyc.bank.example')
    expect(failure).toMatchObject({ code, network: false })
    expect(failure?.reason).toEqual({ code, host: 'kyc.bank.example', nodeCode })
    expect(failure?.message).toContain('--ca-file')
  })

  it('is not claimed for other errors', () => {
    expect(certificateFailure('ECONNREFUSED', 'h')).toBeNull()
    expect(certificateFailure(undefined, 'h')).toBeNull()
  })

  it('finds the code where axios and urllib keep it: on the error or its cause', () => {
    expect(nodeErrorCode({ code: 'ERR_NETWORK', cause: { code: 'SELF_SIGNED_CERT_IN_CHAIN' } })).toBe('SELF_SIGNED_CERT_IN_CHAIN')
    expect(nodeErrorCode(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED')
    expect(nodeErrorCode('text')).toBeUndefined()
  })
})
