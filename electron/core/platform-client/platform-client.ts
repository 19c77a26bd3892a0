import axios, { type AxiosInstance } from 'axios'
import { z } from 'zod'
import type { AccountBinding, IdentityData, PlatformLanguage } from '../../../shared/domain/identity'
import type { ImageSlot } from '../../../shared/domain/images'
import { networkFailureReason } from '../network/network-failure'
import type { RequestAgent } from '../network/agents'
import { directRequestAgent } from '../network/default-agent'
import { readAppTokenAttachment, type AppTokenHandoff } from './app-token'
import { isTransientHttpStatus, transientFromError } from './classify-failure'
import { callDeadline, systemTimers, type DeadlineTimers } from './call-deadline'
import { encodeBody, type BodyEncoding } from './encode-body'
import { ok, type PlatformOutcome } from './outcome'
import { credentialsToWire, identityToWire, imageToWire } from './to-wire'
import {
  authInfoAttachmentSchema,
  envelopeSchema,
  stsAttachmentSchema,
  type AuthInfoAttachment,
  type WireParams,
} from './wire-schemas'

/**
 * docs/platform-api/CONTRACT.md: `vedioAuth` answers -1002 while the face check is not done yet (or
 * has expired): the one refusal that means "ask again later" rather than "a person must act".
 */
export const livenessNotVerified = -1002

export interface PlatformClientOptions {
  readonly baseUrl: string
  readonly encoding: BodyEncoding
  readonly timeoutMs: number
  readonly language: () => PlatformLanguage
  /** Envelope statuses this platform uses for "busy, try again" (configurable, docs/platform-api/CONTRACT.md). */
  readonly retryableStatuses: readonly number[]
  /** Largest response body accepted; the envelope is small, anything bigger is not the platform. Default 1 MiB. */
  readonly maxResponseBytes?: number
  /**
   * Longest a whole call may take, connection to last byte. axios's `timeout` alone is reset by
   * every byte that arrives, so a trickling answer could hold a step for ever. Default 2 × timeoutMs.
   */
  readonly deadlineMs?: number
  readonly timers?: DeadlineTimers
  /** Proxy and certificate trust for every request (network/agents.ts); default direct. */
  readonly network?: RequestAgent
  /** Sees every request's path and outcome (never the body), for diagnostics. */
  readonly onCall?: (call: { path: string; outcome: 'ok' | 'refused' | 'transient' | 'waiting'; code: string; ms: number }) => void
}

export interface StsCredentials {
  readonly accessKeyId: string
  readonly accessKeySecret: string
  readonly securityToken: string
  readonly expiresAt: number
  readonly bucket: string
}

export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024

export type AuthInfo = AuthInfoAttachment
export type { AppTokenHandoff } from './app-token'

const appTokenSchema = z.unknown().transform(readAppTokenAttachment)

/**
 * The platform's identity-verification API (docs/platform-api/CONTRACT.md), and the only app code that knows its
 * wire names. Every method answers with a PlatformOutcome; none throws for a platform or network
 * failure.
 */
export class PlatformClient {
  private readonly http: AxiosInstance
  private readonly network: RequestAgent

  constructor(private readonly options: PlatformClientOptions) {
    this.network = options.network ?? directRequestAgent()
    this.http = axios.create({
      baseURL: options.baseUrl.replace(/\/+$/, ''),
      timeout: options.timeoutMs,
      responseType: 'text',
      transformResponse: (data: unknown) => data,
      validateStatus: () => true,
      maxRedirects: 0,
      maxContentLength: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      maxBodyLength: 10 * 1024 * 1024,
      // The agent applies the proxy setting; axios must not apply the environment's on its own.
      proxy: false,
      httpAgent: this.network.agents.http,
      httpsAgent: this.network.agents.https,
    })
  }

  getSts(account: AccountBinding): Promise<PlatformOutcome<StsCredentials>> {
    return this.call('/user/getsts', account, {}, stsAttachmentSchema, (a) => ({
      accessKeyId: a.AccessKeyId,
      accessKeySecret: a.AccessKeySecret,
      securityToken: a.SecurityToken,
      expiresAt: Date.parse(a.Expiration),
      bucket: a.bucket,
    }))
  }

  submitIdentity(account: AccountBinding, identity: IdentityData): Promise<PlatformOutcome<null>> {
    return this.call('/user/authnew', account, identityToWire(identity), null, () => null)
  }

  submitImage(account: AccountBinding, slot: ImageSlot, reference: string, chineseMainland: boolean): Promise<PlatformOutcome<null>> {
    return this.call('/user/authnew', account, imageToWire(slot, reference, chineseMainland), null, () => null)
  }

  authInfo(account: AccountBinding): Promise<PlatformOutcome<AuthInfo>> {
    return this.call('/user/authinfoNew', account, {}, authInfoAttachmentSchema, (a) => a)
  }

  /** Every documented shape of the hand-off is read here; whether it is usable is the liveness step's call. */
  startLiveness(account: AccountBinding, source: 1 | 2): Promise<PlatformOutcome<AppTokenHandoff>> {
    return this.call('/ali/appToken', account, { source }, appTokenSchema, (a) => a)
  }

  /** `-1002` (not verified yet, or expired) comes back as a refusal with that status (livenessNotVerified). */
  livenessResult(account: AccountBinding, source: 1 | 2): Promise<PlatformOutcome<null>> {
    return this.call('/ali/vedioAuth', account, { source }, null, () => null)
  }

  private async call<S extends z.ZodType, T>(
    path: string,
    account: AccountBinding,
    params: WireParams,
    attachment: S | null,
    map: (value: z.output<S>) => T,
  ): Promise<PlatformOutcome<T>> {
    const started = Date.now()
    const outcome = await this.send(path, account, params, attachment, map)
    const code = outcome.kind === 'ok' ? '200' : outcome.kind === 'refused' ? String(outcome.status) : outcome.code
    // "Not verified yet" is the customer still at the face check: a wait, not a refusal, in diagnostics.
    const waiting = path === '/ali/vedioAuth' && outcome.kind === 'refused' && outcome.status === livenessNotVerified
    this.options.onCall?.({ path, outcome: waiting ? 'waiting' : outcome.kind, code, ms: Date.now() - started })
    return outcome
  }

  private async send<S extends z.ZodType, T>(
    path: string,
    account: AccountBinding,
    params: WireParams,
    attachment: S | null,
    map: (value: z.output<S>) => T,
  ): Promise<PlatformOutcome<T>> {
    const { body, contentType } = encodeBody(
      { ...credentialsToWire(account.uid, account.token, this.options.language()), ...params },
      this.options.encoding,
    )
    const deadlineMs = this.options.deadlineMs ?? this.options.timeoutMs * 2
    const deadline = callDeadline(deadlineMs, this.options.timers ?? systemTimers)
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}${path}`
    let response
    try {
      response = await this.http.post<string>(path, body, { headers: { 'content-type': contentType, accept: 'application/json' }, signal: deadline.signal })
    } catch (error) {
      if (deadline.expired()) {
        const seconds = Math.round(deadlineMs / 1000)
        const message = `the platform did not finish answering within ${seconds} s`
        return { kind: 'transient', code: 'DEADLINE', message, network: true, reason: { key: 'stepError.platform.deadline', params: { seconds } } }
      }
      const failure = await this.network.failureOf(url, { error })
      return failure ? { kind: 'transient', code: failure.code, message: failure.message, network: failure.network, reason: networkFailureReason(failure) } : transientFromError(error)
    } finally {
      deadline.clear()
    }
    if (response.status !== 200) {
      // A proxy's 407, or its refusal of the CONNECT replayed as if the platform had answered.
      const failure = await this.network.failureOf(url, { status: response.status, request: response.request })
      if (failure) return { kind: 'transient', code: failure.code, message: failure.message, network: failure.network, reason: networkFailureReason(failure) }
    }
    if (isTransientHttpStatus(response.status)) {
      return { kind: 'transient', code: `HTTP_${response.status}`, message: `the platform answered HTTP ${response.status}`, network: false, reason: { key: 'stepError.platform.http', params: { status: response.status } } }
    }
    let json: unknown
    try {
      json = JSON.parse(response.data)
    } catch {
      // An HTML error page from a proxy or captive portal: the path, not the platform, answered.
      return {
        kind: 'transient',
        code: `HTTP_${response.status}_NOT_JSON`,
        message: 'the platform sent something that is not its JSON envelope',
        network: false,
        reason: { key: 'stepError.platform.notJson', params: { status: response.status } },
      }
    }
    const envelope = envelopeSchema.safeParse(json)
    if (!envelope.success) {
      return { kind: 'transient', code: 'BAD_ENVELOPE', message: 'the platform sent an answer without a status', network: false, reason: { key: 'stepError.platform.noStatus' } }
    }
    const { status, message } = envelope.data
    if (status !== 200) {
      const text = message ?? `the platform refused the request (status ${status})`
      if (this.options.retryableStatuses.includes(status)) return { kind: 'transient', code: String(status), message: text, network: false }
      return { kind: 'refused', status, message: text }
    }
    if (attachment === null) return ok(map(null as z.output<S>))
    const parsed = attachment.safeParse(envelope.data.attachment)
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ')
      return { kind: 'refused', status: 200, message: `the platform's answer to ${path} is missing fields: ${fields}`, reason: { key: 'stepError.platform.missingFields', params: { path, fields } } }
    }
    return ok(map(parsed.data))
  }
}
