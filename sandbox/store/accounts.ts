import type { Clock } from '../common/clock'
import { randomUid, randomUserToken } from '../common/random-ids'
import type { SandboxUser, UserRepository } from './users'

export class AccountExistsError extends Error {
  override readonly name = 'AccountExistsError'
}

/** Creates an account; uid and token are random unless given. A taken uid is an error, never an overwrite. */
export function createAccount(users: UserRepository, clock: Clock, wanted: Partial<SandboxUser> = {}, seedIndex: number | null = null): SandboxUser {
  if (wanted.uid !== undefined && users.find(wanted.uid)) throw new AccountExistsError(`uid ${wanted.uid} already exists`)
  let uid = wanted.uid ?? randomUid()
  while (users.find(uid)) uid = randomUid()
  const user = { uid, token: wanted.token ?? randomUserToken() }
  users.insert(user, seedIndex, clock())
  return user
}

/**
 * The demo accounts printed at start-up. A data folder keeps its accounts across restarts, so only
 * missing ones are created; with fewer requested than exist, the first `count` are returned.
 */
export function ensureSeedAccounts(users: UserRepository, clock: Clock, count: number): SandboxUser[] {
  const existing = users.seeded()
  for (let index = existing.length; index < count; index++) existing.push(createAccount(users, clock, {}, index))
  return existing.slice(0, count)
}

/** After a reset, the same demo accounts (same uid and token) come back, so a running test keeps its users. */
export function restoreSeedAccounts(users: UserRepository, clock: Clock, seeds: readonly SandboxUser[]): void {
  seeds.forEach((seed, index) => users.insert(seed, index, clock()))
}
