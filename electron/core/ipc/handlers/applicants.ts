import { rebindCodes, type ErrorAction } from '../../../../shared/domain/error-actions'
import { trainingEnvironment } from '../../../../shared/domain/environment'
import type { ApplicantDetail, ApplicantSummary as ContractSummary } from '../../../../shared/contract'
import { imageSlots } from '../../../../shared/domain/images'
import { notFound } from '../../errors/kyc-error'
import type { KycStore } from '../../queue/store'
import type { ApplicantSummary } from '../../queue/types'
import type { applicantChannels } from '../../../../shared/contract/applicants'
import type { ChannelsOf, HandlerGroup } from '../handler-table'

/** The dashboard's reads; the rest of the applicant channels are applicant-actions.ts's. */
export type ApplicantReadChannel = Extract<ChannelsOf<typeof applicantChannels>, 'applicants:list' | 'applicants:counts' | 'applicants:needs-new-qr' | 'applicants:get'>

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
    steps: s.steps,
    lastError: s.lastError,
  }
}

export function applicantHandlers(
  store: KycStore,
  errorActions: () => Readonly<Record<string, ErrorAction>>,
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
    'applicants:needs-new-qr': () => ({ count: store.steps.countFailedWithCodes(rebindCodes(errorActions())) }),
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
