import type { LivenessSession } from '../../../../shared/contract/liveness'
import { KycError, notFound } from '../../errors/kyc-error'
import type { KycStore } from '../../queue/store'
import type { SyncEngine } from '../../sync'
import { isAllowedVerifyUrl } from '../../sync/verify-link'
import { verifyWindowOrigins } from '../verify-window-origins'
import type { WindowPort } from '../../ports'
import type { livenessChannels } from '../../../../shared/contract/liveness'
import type { ChannelsOf, HandlerGroup } from '../handler-table'

export interface LivenessHandlerDeps {
  readonly store: KycStore
  readonly engine: () => SyncEngine
  readonly windows: WindowPort
  readonly operatorId: () => string | null
  /** Training against the built-in sandbox: its plain-http verify page on this machine may open. */
  readonly trainingMode: () => boolean
  /** Further origins the face check may use besides the verify page's own (settings.platform.verifyOrigins). */
  readonly verifyOrigins: () => readonly string[]
}

type Channels = ChannelsOf<typeof livenessChannels>

/** Where the applicant's face check stands, from its liveness steps and the stored verify link. */
export function livenessSession(store: KycStore, id: string): LivenessSession {
  const record = store.applicants.get(id)
  if (!record) throw notFound('applicant')
  const none = { verifyUrl: null, expiresAt: null }
  if (record.stage !== 'queued') return { status: record.status, phase: 'not-available', ...none }
  const token = record.steps.find((s) => s.name === 'liveness:token')
  const result = record.steps.find((s) => s.name === 'liveness:result')
  if (result?.state === 'done') return { status: record.status, phase: 'verified', ...none }
  if (token?.state === 'failed' || result?.state === 'failed') return { status: record.status, phase: 'failed', ...none }
  if (record.status !== 'submitted' && record.status !== 'liveness-pending') return { status: record.status, phase: 'not-available', ...none }
  if (token?.state === 'done') {
    const data = store.steps.stepData(id, 'liveness:token')
    return { status: record.status, phase: 'waiting', verifyUrl: data?.verifyUrl ?? null, expiresAt: data?.expiresAt ?? null }
  }
  const requested = record.livenessRequestedAt !== null && token !== undefined
  return { status: record.status, phase: requested ? 'requesting' : 'not-started', ...none }
}

/** The liveness hand-off: start or re-issue, read the link, poll now, open the counter window. */
export function livenessHandlers(deps: LivenessHandlerDeps): HandlerGroup<Channels> {
  const { store } = deps
  return {
    'liveness:start': ({ id }) => {
      const engine = deps.engine()
      // A failed liveness step holds the applicant in needs-attention: clear it, then issue anew.
      if (livenessSession(store, id).phase === 'failed') engine.retry([id], deps.operatorId())
      const started = engine.startLiveness(id, deps.operatorId())
      if (!started.ok) {
        if (started.reason === 'not-found') throw notFound('applicant')
        throw new KycError('CONFLICT', 'Real-person verification can start once the applicant is submitted', undefined, { key: 'liveness.notSubmitted' })
      }
      return livenessSession(store, id)
    },
    'liveness:session': ({ id }) => livenessSession(store, id),
    'liveness:check': ({ id }) => {
      deps.engine().checkLiveness(id)
      return livenessSession(store, id)
    },
    'liveness:open-window': async ({ id }) => {
      const session = livenessSession(store, id)
      if (session.phase !== 'waiting' || session.verifyUrl === null || !isAllowedVerifyUrl(session.verifyUrl, deps.trainingMode())) {
        throw new KycError('CONFLICT', 'There is no verification link to open: start real-person verification first', undefined, { key: 'liveness.noLink' })
      }
      await deps.windows.openVerifyWindow(session.verifyUrl, verifyWindowOrigins(session.verifyUrl, deps.verifyOrigins()))
      return { opened: true }
    },
  }
}
