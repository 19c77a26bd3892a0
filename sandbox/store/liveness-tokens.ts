import type { SqliteDatabase } from './database'

export type LivenessTokenState = 'pending' | 'passed' | 'failed' | 'superseded'

export interface LivenessToken {
  verifyToken: string
  uid: string
  source: number
  issuedAt: number
  expiresAt: number
  state: LivenessTokenState
  completedAt: number | null
}

export type LivenessTokenRepository = ReturnType<typeof createLivenessTokenRepository>

const COLUMNS = `verify_token AS verifyToken, uid, source, issued_at AS issuedAt, expires_at AS expiresAt,
  state, completed_at AS completedAt`

export function createLivenessTokenRepository(db: SqliteDatabase) {
  const insert = db.prepare<[string, string, number, number, number]>(
    `INSERT INTO liveness_tokens (verify_token, uid, source, issued_at, expires_at, state)
     VALUES (?, ?, ?, ?, ?, 'pending')`,
  )
  const supersede = db.prepare<[string]>(
    "UPDATE liveness_tokens SET state = 'superseded' WHERE uid = ? AND state = 'pending'",
  )
  const byToken = db.prepare<[string], LivenessToken>(`SELECT ${COLUMNS} FROM liveness_tokens WHERE verify_token = ?`)
  const latest = db.prepare<[string], LivenessToken>(
    `SELECT ${COLUMNS} FROM liveness_tokens WHERE uid = ? AND state != 'superseded'
     ORDER BY issued_at DESC, rowid DESC LIMIT 1`,
  )
  const complete = db.prepare<[string, number, string]>(
    "UPDATE liveness_tokens SET state = ?, completed_at = ? WHERE verify_token = ? AND state = 'pending'",
  )

  return {
    /** A new token replaces any pending one for the same applicant: only the newest face check counts. */
    issue(token: Omit<LivenessToken, 'state' | 'completedAt'>): void {
      db.transaction(() => {
        supersede.run(token.uid)
        insert.run(token.verifyToken, token.uid, token.source, token.issuedAt, token.expiresAt)
      })()
    },
    find(verifyToken: string): LivenessToken | undefined {
      return byToken.get(verifyToken)
    },
    latestFor(uid: string): LivenessToken | undefined {
      return latest.get(uid)
    },
    /** Records the result once; false when the token was no longer pending (single use). */
    complete(verifyToken: string, state: 'passed' | 'failed', now: number): boolean {
      return complete.run(state, now, verifyToken).changes === 1
    },
    supersedePending(uid: string): void {
      supersede.run(uid)
    },
  }
}
