import type { TimelineEvent } from '../../../../shared/contract/applicants'
import type { EventRecord } from '../../db/tables/events/repository'
import { KycError, notFound } from '../../errors/kyc-error'
import type { Logger } from '../../log/logger'
import { thumbnail, viewMaxSide } from '../../media/thumbnail'
import type { KycStore } from '../../queue/store'
import type { SyncEngine } from '../../sync'
import type { applicantChannels } from '../../../../shared/contract/applicants'
import type { ChannelsOf, HandlerGroup } from '../handler-table'
import { toContractSummary, type ApplicantReadChannel } from './applicants'

export interface ApplicantActionDeps {
  readonly store: KycStore
  readonly engine: () => SyncEngine
  readonly operatorId: () => string | null
  readonly log: Logger
}

type Channels = Exclude<ChannelsOf<typeof applicantChannels>, ApplicantReadChannel>

type DetailValue = TimelineEvent['details'][string]

/** Event details are names, codes and counts; anything nested is shown as its JSON text. */
function flattenDetails(details: EventRecord['details']): Record<string, DetailValue> {
  const out: Record<string, DetailValue> = {}
  for (const [key, value] of Object.entries(details)) {
    if (Array.isArray(value)) out[key] = value.every((v) => typeof v === 'string') ? (value as string[]) : JSON.stringify(value)
    else if (value !== null && typeof value === 'object') out[key] = JSON.stringify(value)
    else out[key] = value
  }
  return out
}

/** The dashboard's and detail view's actions on applicants: sync, retry, remove, timeline, images. */
export function applicantActionHandlers(deps: ApplicantActionDeps): HandlerGroup<Channels> {
  const { store } = deps
  return {
    'applicants:summaries': ({ ids }) => ({
      items: ids.flatMap((id) => {
        const summary = store.applicants.summary(id)
        return summary ? [toContractSummary(summary)] : []
      }),
    }),
    'applicants:sync': ({ ids }) => {
      deps.engine().sync(ids)
      return { accepted: ids.length }
    },
    'applicants:retry': (request) => {
      const target = 'ids' in request ? request.ids : request.target
      return { retried: deps.engine().retry(target, deps.operatorId()) }
    },
    'applicants:remove': ({ ids }) => {
      const removed: string[] = []
      const refused: { id: string; reason: 'not-found' | 'reached-platform' | 'running' }[] = []
      for (const id of ids) {
        const result = store.applicants.remove(id, deps.operatorId())
        if (result.ok) removed.push(id)
        else refused.push({ id, reason: result.reason })
      }
      return { removed, refused }
    },
    'applicants:timeline': ({ id }) => {
      if (!store.applicants.summary(id)) throw notFound('applicant')
      const names = new Map<string, string | null>()
      const nameOf = (operatorId: string | null): string | null => {
        if (operatorId === null) return null
        if (!names.has(operatorId)) names.set(operatorId, store.operators.get(operatorId)?.name ?? null)
        return names.get(operatorId) ?? null
      }
      return {
        events: store.events.listForApplicant(id, { limit: 1000 }).map((e) => ({
          id: e.id,
          at: e.at,
          type: e.type,
          operatorName: nameOf(e.operatorId),
          details: flattenDetails(e.details),
        })),
      }
    },
    'applicants:thumbnail': async ({ id, slot, size }) => {
      const record = store.applicants.get(id)
      if (!record) throw notFound('applicant')
      const image = record.stage === 'purged' ? undefined : record.images[slot]
      if (!image) throw notFound('image')
      try {
        return { slot, ...(await thumbnail(await store.images.get(image.sha256), size === 'view' ? viewMaxSide : undefined)) }
      } catch (error) {
        deps.log.warn('applicants.thumbnail-failed', { applicantId: id, slot, error })
        throw new KycError('UNAVAILABLE', `The ${slot} image cannot be shown`, undefined, { key: 'images.cannotShow' })
      }
    },
  }
}
