import { rebindApplicant, waitingForNewQr, type RebindDeps } from '../../queue/rebind'
import { KycError, notFound } from '../../errors/kyc-error'
import type { HandlerGroup } from '../handler-table'

/** The capture screen's re-bind: the account QR scanned into a draft goes to the applicant waiting for it. */
export function rebindHandlers(deps: RebindDeps): HandlerGroup<'capture:waiting-for-qr' | 'capture:rebind'> {
  const draftBinding = (draftId: string) => {
    const draft = deps.store.applicants.get(draftId)
    if (!draft) throw notFound('applicant')
    if (draft.stage !== 'draft') throw new KycError('CONFLICT', 'Only a draft’s account QR can be moved to another applicant', undefined, { key: 'capture.rebind.notADraft' })
    return draft.binding
  }
  return {
    'capture:waiting-for-qr': ({ draftId }) => {
      const binding = draftBinding(draftId)
      return { items: binding ? waitingForNewQr(deps.store, binding.uid) : [] }
    },
    'capture:rebind': async ({ draftId, applicantId }) => {
      const binding = draftBinding(draftId)
      if (!binding) throw new KycError('CONFLICT', 'Scan the customer’s account QR first', undefined, { key: 'capture.rebind.noBinding' })
      return rebindApplicant(deps, applicantId, binding, 'capture')
    },
  }
}
