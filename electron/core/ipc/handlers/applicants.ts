import { bindingAwaitedStatuses, oldBindingCutoff } from '../../../../shared/domain/binding-age'
import { trainingEnvironment } from '../../../../shared/domain/environment'
import type { ApplicantDetail, ApplicantSummary as ContractSummary } from '../../../../shared/contract'
import { imageSlots } from '../../../../shared/domain/images'
import { notFound } from '../../errors/kyc-error'
import type { KycStore } from '../../queue/store'
import type { ApplicantSummary } from '../../queue/types'
import type { applicantChannels } from '../../../../shared/contract/applicants'
import type { ChannelsOf, HandlerGroup } from '../handler-table'

/** The dashboard's reads; the rest of the applicant channels are applicant-actions.ts's. */
export type ApplicantReadChannel = Extract<ChannelsOf<typeof applicantChannels>, 'applicants:list' | 'applicants:counts' | 'applicants:old-bindings' | 'applicants:get'>

export function toContractSummary(s: ApplicantSummary): ContractSummary {
  return {
    id: s.id,
    reference: s.reference,
    label: s.label,
    documentType: s.documentType,
    country: s.country,
    status: s.status,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    operatorName: s.operatorName,
    training: s.environment === trainingEnvironment,
    bindingAt: s.bindingAt,
    steps: s.steps,
    lastError: s.lastError,
  }
}

export interface ApplicantHandlerDeps {
  /** The age past which an account QR not yet used to submit is flagged (settings.sync.bindingWarnAfterHours). */
  readonly bindingWarnAfterHours: () => number
  readonly clock: () => number
}

export function applicantHandlers(
  store: KycStore,
  deps: ApplicantHandlerDeps,
): HandlerGroup<ApplicantReadChannel> {
  return {
    'applicants:list': (request) => {
      const page = store.applicants.list({
        ...(request.status ? { status: request.status } : {}),
        ...(request.search ? { search: request.search } : {}),
        ...(request.trainingOnly ? { trainingOnly: true } : {}),
        offset: request.offset,
        limit: request.limit,
      })
      return { total: page.total, items: page.items.map(toContractSummary) }
    },
    'applicants:counts': () => store.applicants.countsByStatus(),
    'applicants:old-bindings': () => {
      const warnAfterHours = deps.bindingWarnAfterHours()
      const cutoff = oldBindingCutoff(deps.clock(), warnAfterHours)
      return { count: store.applicants.countOldBindings(cutoff, bindingAwaitedStatuses), warnAfterHours }
    },
    'applicants:get': ({ id }) => {
      const record = store.applicants.get(id)
      const summary = store.applicants.summary(id)
      if (!record || !summary) throw notFound('applicant')
      const images: ApplicantDetail['images'] =
        record.stage === 'purged'
          ? []
          : imageSlots.flatMap((slot) => {
              const image = record.images[slot]
              return image ? [{ slot, width: image.width, height: image.height, bytes: image.byteSize }] : []
            })
      return { ...toContractSummary(summary), images }
    },
  }
}
