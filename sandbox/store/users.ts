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

  return {
    insert(user: SandboxUser, seedIndex: number | null, now: number): void {
      insert.run(user.uid, user.token, seedIndex, now)
    },
    find(uid: string): SandboxUser | undefined {
      return byUid.get(uid)
    },
    seeded(): SandboxUser[] {
      return seeded.all()
    },
    list(): SandboxUser[] {
      return all.all()
    },
  }
}
