import type { Settings } from '../../../../shared/domain/settings'
import { imageSlots, type ImageSlot } from '../../../../shared/domain/images'
import { checkIdentityEdit } from '../../queue/identity-edit'
import { finishRebind } from '../../queue/rebind'
import { comparePlatformRecord } from '../../sync/platform-record'
import { KycError, notFound } from '../../errors/kyc-error'
import type { Logger } from '../../log/logger'
import { applicantRedactions } from '../../log/applicant-redactions'
import { maskTail, type Redactor } from '../../log/redact'
import { environmentOf } from '../../../../shared/domain/environment'
import { effectiveReconcileRules } from '../../../../shared/domain/reconcile-rules'
import { echoFromAuthInfo } from '../../platform-client/from-wire'
import type { KycStore } from '../../queue/store'
import type { PlatformPort } from '../../sync'
import type { applicantEditChannels } from '../../../../shared/contract/applicant-edit'
import type { ChannelsOf, HandlerGroup } from '../handler-table'

export interface ApplicantEditDeps {
  readonly store: KycStore
  readonly settings: () => Settings
  /** A platform client for the current settings (for reading the platform's record). */
  readonly platform: () => Pick<PlatformPort, 'authInfo'>
  readonly operatorId: () => string | null
  readonly clock: () => number
  readonly log: Logger
  /** The platform's refusal may quote the applicant's token, document number or name. */
  readonly redactor: Redactor
  /** Retries failed steps at once: a new account QR for an expired binding is a one-step re-bind. */
  readonly retry: (ids: readonly string[], operatorId: string | null) => void
}

type Channels = ChannelsOf<typeof applicantEditChannels>

const uploadStep = { front: 'upload:front', back: 'upload:back', hand: 'upload:hand' } as const satisfies Record<ImageSlot, string>

/** The detail view's edit form and the platform's record beside it. */
export function applicantEditHandlers(deps: ApplicantEditDeps): HandlerGroup<Channels> {
  const { store } = deps
  return {
    'applicants:identity-for-edit': ({ id, revealDocumentNumber }) => {
      const record = revealDocumentNumber ? store.applicants.getRevealing(id, deps.operatorId()) : store.applicants.get(id)
      if (!record) throw notFound('applicant')
      if (record.stage === 'purged') {
        return { identity: null, documentNumberMasked: true, editable: false, status: record.status, uidMasked: null }
      }
      const identity = record.identity
      return {
        identity: identity && !revealDocumentNumber ? { ...identity, documentNumber: maskTail(identity.documentNumber) } : identity,
        documentNumberMasked: !revealDocumentNumber,
        editable: record.status !== 'verified',
        status: record.status,
        uidMasked: record.binding ? maskTail(record.binding.uid) : null,
      }
    },

    'applicants:update': async (request) => {
      const record = store.applicants.get(request.id)
      if (!record) throw notFound('applicant')
      if (record.stage === 'purged') throw new KycError('CONFLICT', 'This applicant’s personal data was purged; it cannot be edited', undefined, { key: 'edit.purged' })
      if (record.status === 'verified') throw new KycError('CONFLICT', 'A verified applicant cannot be edited', undefined, { key: 'edit.verified' })
      if (record.stage === 'queued' && record.steps.some((s) => s.state === 'running')) {
        throw new KycError('CONFLICT', 'A step is being sent right now: wait a moment (or pause sync) and save again', undefined, { key: 'edit.stepRunning' })
      }
      const checked = request.identity
        ? checkIdentityEdit({
            draft: request.identity,
            stored: record.identity,
            acknowledgeWarnings: request.acknowledgeWarnings,
            now: deps.clock(),
          })
        : null
      // Waiting for a new account QR: the new binding is the whole fix, so sync goes on.
      const rebound = request.binding !== undefined && record.stage === 'queued' && record.status === 'needs-new-qr'
      const refused = record.stage === 'queued' ? record.steps.filter((s) => s.state === 'failed').map((s) => s.name) : []
      const result = await store.applicants.update(
        request.id,
        { ...(checked ? { identity: checked.identity } : {}), ...(request.binding ? { binding: request.binding } : {}) },
        deps.operatorId(),
      )
      if (!result.ok) throw result.reason === 'not-found' ? notFound('applicant') : new KycError('CONFLICT', 'This applicant can no longer be edited', undefined, { key: 'edit.notEditable' })
      if (rebound) finishRebind({ store, retry: deps.retry, operatorId: deps.operatorId }, request.id, 'detail', refused)
      const steps = store.applicants.summary(request.id)?.steps ?? []
      return {
        status: result.status,
        resetSteps: result.resetSteps,
        failedSteps: steps.filter((s) => s.state === 'failed').map((s) => s.name),
        warnings: checked?.warnings ?? [],
      }
    },

    'applicants:platform-record': async ({ id }) => {
      const record = store.applicants.get(id)
      if (!record) throw notFound('applicant')
      if (record.stage !== 'queued') throw new KycError('CONFLICT', 'Only an applicant that was sent to the platform has a platform record', undefined, { key: 'edit.notSent' })
      // The customer's binding goes only to the platform it was captured for (training never to a live one).
      if (store.applicants.summary(id)?.environment !== environmentOf(deps.settings().platform.baseUrl)) {
        throw new KycError('CONFLICT', 'This applicant was captured for another platform (or for training); its record is not asked of the platform in force', undefined, {
          key: 'edit.otherPlatform',
        })
      }
      const references = {} as Record<ImageSlot, string>
      for (const slot of imageSlots) {
        const data = store.steps.stepData(id, uploadStep[slot])
        if (data === null) throw new KycError('CONFLICT', 'The images have not all been uploaded yet', undefined, { key: 'edit.imagesPending' })
        references[slot] = data.objectKey
      }
      const outcome = await deps.platform().authInfo(record.binding)
      if (outcome.kind !== 'ok') {
        const code = outcome.kind === 'refused' ? String(outcome.status) : outcome.code
        const message = deps.redactor.text(outcome.message, applicantRedactions(record))
        throw new KycError('UNAVAILABLE', `The platform did not give its record (${code}): ${message}`, undefined, { key: 'edit.platformRecordFailed', params: { code, message } })
      }
      const rules = effectiveReconcileRules(deps.settings().platform.reconcileRules)
      return comparePlatformRecord({ identity: record.identity, references }, echoFromAuthInfo(outcome.value), deps.clock(), rules)
    },
  }
}
