import { randomBytes } from 'node:crypto'
import type { Clock } from '../common/clock'
import { isoSeconds } from '../common/clock'
import { randomBase62 } from '../common/random-ids'
import type { StsCredentialRepository } from '../store/sts-credentials'
import { uploadPrefixOf } from './image-reference'

export interface StsIssuerDeps {
  credentials: StsCredentialRepository
  clock: Clock
  ttlSeconds: number
  bucket: string
  accountId: string
}

/** The `/user/getsts` attachment, field names as the platform sends them. */
export interface StsAttachment {
  SecurityToken: string
  AccessKeyId: string
  AccessKeySecret: string
  Expiration: string
  bucket: string
  RoleSessionName: string
  RoleArn: string
  policy: string
}

/**
 * The narrow policy the contract asks for (not the document's `oss:*` on `acs:oss:*:*:*`):
 * upload and read back, only under this applicant's prefix.
 */
export function uploadPolicyFor(bucket: string, uid: string): string {
  const policy = {
    Version: '1',
    Statement: [
      {
        Action: ['oss:PutObject', 'oss:GetObject'],
        Resource: [`acs:oss:*:*:${bucket}/${uploadPrefixOf(uid)}*`],
        Effect: 'Allow',
      },
    ],
  }
  return JSON.stringify(policy, null, 4)
}

/** Every call returns fresh credentials, as AssumeRole does; earlier ones stay valid until they expire. */
export function issueStsCredential(deps: StsIssuerDeps, uid: string): StsAttachment {
  const issuedAt = deps.clock()
  const expiresAt = issuedAt + deps.ttlSeconds * 1000
  const credential = {
    accessKeyId: `STS.${randomBase62(25)}`,
    accessKeySecret: randomBase62(44),
    // Real security tokens are a few hundred base64 characters starting CAIS; so are these.
    securityToken: `CAIS${randomBytes(240).toString('base64')}`,
    uid,
    policy: uploadPolicyFor(deps.bucket, uid),
    issuedAt,
    expiresAt,
  }
  deps.credentials.insert(credential)
  return {
    SecurityToken: credential.securityToken,
    AccessKeyId: credential.accessKeyId,
    AccessKeySecret: credential.accessKeySecret,
    Expiration: isoSeconds(expiresAt),
    bucket: deps.bucket,
    RoleSessionName: `kyc-${uid}`,
    RoleArn: `acs:ram::${deps.accountId}:role/kyc-sandbox-uploader`,
    policy: credential.policy,
  }
}
