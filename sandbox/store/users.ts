import type { SqliteDatabase } from './database'

export interface SandboxUser {
  uid: string
  token: string
}

interface UserRow {
  uid: string
  token: string
}

export type UserRepository = ReturnType<typeof createUserRepository>

export function createUserRepository(db: SqliteDatabase) {
  const insert = db.prepare<[string, string, number | null, number]>(
    'INSERT INTO users (uid, token, seed_index, created_at) VALUES (?, ?, ?, ?)',
  )
  const byUid = db.prepare<[string], UserRow>('SELECT uid, token FROM users WHERE uid = ?')
  const seeded = db.prepare<[], UserRow>('SELECT uid, token FROM users WHERE seed_index IS NOT NULL ORDER BY seed_index')
  const all = db.prepare<[], UserRow>('SELECT uid, token FROM users ORDER BY created_at, uid')
  // created_at doubles as the token's issue time: a new account QR (reissueToken) resets it.
  const issuedAt = db.prepare<[string], { created_at: number }>('SELECT created_at FROM users WHERE uid = ?')
  const reissue = db.prepare<[string, number, string]>('UPDATE users SET token = ?, created_at = ? WHERE uid = ?')

  return {
    insert(user: SandboxUser, seedIndex: number | null, now: number): void {
      insert.run(user.uid, user.token, seedIndex, now)
    },
    find(uid: string): SandboxUser | undefined {
      return byUid.get(uid)
    },
    /** When the account's current token was issued, for `tokenTtlSeconds`. */
    tokenIssuedAt(uid: string): number | undefined {
      return issuedAt.get(uid)?.created_at
    },
    /** A new token for the same uid (the customer's new account QR); the old one stops working. */
    reissueToken(uid: string, token: string, now: number): boolean {
      return reissue.run(token, now, uid).changes === 1
    },
    seeded(): SandboxUser[] {
      return seeded.all()
    },
    list(): SandboxUser[] {
      return all.all()
    },
  }
}
