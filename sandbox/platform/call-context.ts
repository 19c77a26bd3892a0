import { createHash, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import type { SandboxUser, UserRepository } from '../store/users'
import type { Envelope } from './envelope'
import { failure } from './envelope'
import { describeFieldProblem, firstProblem } from './field-messages'
import type { ParamBag } from './request-body'
import type { Language } from './status-codes'
import { NOT_LOGGED_IN, Status, languages } from './status-codes'
import { uidField } from './wire-fields'

/** A platform call whose caller proved who they are: every call carries uid, token and local. */
export interface CallContext {
  user: SandboxUser
  language: Language
  params: ParamBag
}

export type CallStart = { ok: true; context: CallContext } | { ok: false; envelope: Envelope }

const localSchema = z.enum(languages, { error: 'local' }).optional()
const credentialsSchema = z.object({ uid: uidField })
const tokenSchema = z.string().min(1).max(512)

/**
 * Reads `local` first (so even a refusal speaks the caller's language; zh_CN when absent), then
 * checks uid and token against the accounts. An unknown uid and a wrong token get the same answer.
 */
export function startCall(users: UserRepository, body: unknown): CallStart {
  const params: ParamBag = body !== null && typeof body === 'object' && !Array.isArray(body) ? { ...body } : {}

  const local = localSchema.safeParse(params['local'] === '' ? undefined : params['local'])
  if (!local.success) {
    return { ok: false, envelope: failure({ status: Status.invalidParameter, message: describeFieldProblem(firstProblemOf('local', local.error)) }, 'zh_CN') }
  }
  const language: Language = local.data ?? 'zh_CN'

  if (params['uid'] === undefined || params['uid'] === '' || params['token'] === undefined || params['token'] === '') {
    return { ok: false, envelope: failure(NOT_LOGGED_IN, language) }
  }
  const credentials = credentialsSchema.safeParse(params)
  if (!credentials.success) {
    return { ok: false, envelope: failure({ status: Status.invalidParameter, message: describeFieldProblem(firstProblem(credentials.error)) }, language) }
  }
  const token = tokenSchema.safeParse(params['token'])
  const user = users.find(credentials.data.uid)
  if (!token.success || !user || !sameSecret(user.token, token.data)) {
    return { ok: false, envelope: failure(NOT_LOGGED_IN, language) }
  }
  return { ok: true, context: { user, language, params } }
}

/** Runs a platform call for an authenticated caller; a refusal before that is returned as it is. */
export function withCaller(users: UserRepository, body: unknown, handle: (context: CallContext) => Envelope): Envelope {
  const start = startCall(users, body)
  return start.ok ? handle(start.context) : start.envelope
}

function firstProblemOf(field: string, error: z.ZodError) {
  return { ...firstProblem(error), field }
}

/** Constant-time comparison of two secrets of any length. */
function sameSecret(expected: string, given: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(expected), digest(given))
}
