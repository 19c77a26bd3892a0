import { ref, watch, type Ref } from 'vue'
import type { ApplicantDetail, IpcError, TimelineEvent } from '../../../shared/contract'
import { call, errorOf } from '../api/kyc'
import { applyStepChange } from '../stores/step-rows'
import { useKycEvent } from './useKycEvent'

/**
 * One applicant for the detail view: its summary and steps (kept live by step events), its event
 * log (re-read when a step finishes or fails) and the operator's retry and sync.
 */
export function useApplicantDetail(id: Ref<string>) {
  const detail = ref<ApplicantDetail | null>(null)
  const timeline = ref<TimelineEvent[]>([])
  const error = ref<IpcError | null>(null)
  const actionError = ref<IpcError | null>(null)
  let timelineTimer: ReturnType<typeof setTimeout> | null = null

  async function loadTimeline(): Promise<void> {
    try {
      timeline.value = (await call('applicants:timeline', { id: id.value })).events
    } catch {
      // The summary's error already tells the operator what is wrong.
    }
  }

  async function load(): Promise<void> {
    error.value = null
    try {
      detail.value = await call('applicants:get', { id: id.value })
      await loadTimeline()
    } catch (thrown) {
      detail.value = null
      error.value = errorOf(thrown)
    }
  }

  useKycEvent('steps:changed', ({ changes }) => {
    const mine = changes.filter((c) => c.applicantId === id.value)
    const current = detail.value
    if (!current || mine.length === 0) return
    for (const change of mine) applyStepChange(current, change)
    if (mine.some((c) => c.state === 'done' || c.state === 'failed' || c.state === 'pending') && timelineTimer === null) {
      timelineTimer = setTimeout(() => {
        timelineTimer = null
        void loadTimeline()
      }, 300)
    }
  })

  async function act(action: () => Promise<unknown>): Promise<boolean> {
    try {
      await action()
      actionError.value = null
      return true
    } catch (thrown) {
      actionError.value = errorOf(thrown)
      return false
    }
  }

  const retry = () => act(() => call('applicants:retry', { ids: [id.value] }))
  const syncNow = () => act(() => call('applicants:sync', { ids: [id.value] }))

  watch(id, () => void load(), { immediate: true })

  return { detail, timeline, error, actionError, load, loadTimeline, retry, syncNow }
}
