import type { SqliteDatabase } from './database'

export interface StsCredential {
  accessKeyId: string
  accessKeySecret: string
  securityToken: string
  uid: string
  /** The policy document as issued (a JSON string), evaluated by the OSS endpoint on every request. */
  policy: string
  issuedAt: number
  expiresAt: number
}

export type StsCredentialRepository = ReturnType<typeof createStsCredentialRepository>

export function createStsCredentialRepository(db: SqliteDatabase) {
  const insert = db.prepare<[string, string, string, string, string, number, number]>(
    `INSERT INTO sts_credentials (access_key_id, access_key_secret, security_token, uid, policy, issued_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const byId = db.prepare<[string], StsCredential>(
    `SELECT access_key_id AS accessKeyId, access_key_secret AS accessKeySecret, security_token AS securityToken,
            uid, policy, issued_at AS issuedAt, expires_at AS expiresAt
     FROM sts_credentials WHERE access_key_id = ?`,
  )

  return {
    insert(credential: StsCredential): void {
      insert.run(
        credential.accessKeyId,
        credential.accessKeySecret,
        credential.securityToken,
        credential.uid,
        credential.policy,
        credential.issuedAt,
        credential.expiresAt,
      )
    },
    find(accessKeyId: string): StsCredential | undefined {
      return byId.get(accessKeyId)
    },
  }
}
