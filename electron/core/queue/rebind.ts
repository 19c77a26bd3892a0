import type { WaitingApplicant } from '../../../shared/contract/rebind'
import type { AccountBinding } from '../../../shared/domain/identity'
import type { ApplicantStatus } from '../../../shared/domain/status'
import { KycError, notFound } from '../errors/kyc-error'
import type { KycStore } from './store'

export interface RebindDeps {
  readonly store: Pick<KycStore, 'applicants' | 'events'>
  /** Failed steps back to pending, and the engine woken (sync's retry). */
  readonly retry: (ids: readonly string[], operatorId: string | null) => void
  readonly operatorId: () => string | null
}

export type RebindSource = 'detail' | 'capture'

/**
 * Applicants in `needs-new-qr` bound to this platform account: the customer came back with a new
 * QR. Few are ever waiting, so each is opened to compare its (encrypted) uid.
 */
export function waitingForNewQr(store: Pick<KycStore, 'applicants'>, uid: string): WaitingApplicant[] {
  return store.applicants
    .list({ status: 'needs-new-qr', limit: 20_000 })
    .items.filter((summary) => {
      const record = store.applicants.get(summary.id)
      return record?.stage === 'queued' && record.binding.uid === uid
    })
    .map((s) => ({ id: s.id, reference: s.reference, label: s.label }))
}

/**
 * After the new binding is stored: the refused steps run again (the edit itself reset nothing,
 * the account being the same), and the audit log says who re-bound it from where.
 */
export function finishRebind(deps: RebindDeps, id: string, source: RebindSource, retriedSteps: readonly string[]): void {
  const operatorId = deps.operatorId()
  deps.store.events.append({ type: 'rebound', applicantId: id, operatorId, details: { source, steps: [...retriedSteps] } })
  deps.retry([id], operatorId)
}

/**
 * The one-step re-bind: a new token for the account of an applicant waiting in `needs-new-qr`.
 * Another uid is another platform account, not a re-bind (the detail view's replace does that).
 */
export async function rebindApplicant(
  deps: RebindDeps,
  id: string,
  binding: AccountBinding,
  source: RebindSource,
): Promise<{ status: ApplicantStatus; reference: string }> {
  const record = deps.store.applicants.get(id)
  if (!record) throw notFound('applicant')
  if (record.stage !== 'queued' || record.status !== 'needs-new-qr') {
    throw new KycError('CONFLICT', 'This applicant is not waiting for a new account QR', undefined, { key: 'capture.rebind.notWaiting' })
  }
  if (record.binding.uid !== binding.uid) {
    throw new KycError('CONFLICT', 'This account QR is for another platform account than the applicant’s', undefined, { key: 'capture.rebind.otherAccount' })
  }
  const failed = record.steps.filter((s) => s.state === 'failed').map((s) => s.name)
  const result = await deps.store.applicants.update(id, { binding }, deps.operatorId())
  if (!result.ok) throw new KycError('CONFLICT', 'This applicant can no longer be re-bound', undefined, { key: 'capture.rebind.notRebindable' })
  finishRebind(deps, id, source, failed)
  return { status: deps.store.applicants.summary(id)?.status ?? result.status, reference: record.reference }
}
