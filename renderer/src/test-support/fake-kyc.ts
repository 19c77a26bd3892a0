import type { ApplicantSummary, ChannelName, EventName, EventPayloadOf, IpcResult, KycBridge, RequestOf, ResponseOf } from '../../../shared/contract'
import { submissionSteps, type StepSnapshot } from '../../../shared/domain/steps'

type Answer<C extends ChannelName> = (request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>

/**
 * A stand-in for the preload's `window.kyc`: answers channels from a table, records every call,
 * and lets a test emit events to exactly the listeners that are subscribed.
 */
export function fakeKyc() {
  const answers = new Map<ChannelName, (request: unknown) => unknown>()
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const calls: { channel: ChannelName; request: unknown }[] = []

  const bridge: KycBridge = {
    async invoke(channel, request) {
      calls.push({ channel, request })
      const answer = answers.get(channel)
      if (!answer) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } }
      try {
        return { ok: true, value: await answer(request) } as IpcResult<never>
      } catch (error) {
        return { ok: false, error: error as { code: 'INVALID_INPUT'; message: string } }
      }
    },
    on(event, handler) {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      const wrapped = handler as (payload: unknown) => void
      set.add(wrapped)
      return () => set.delete(wrapped)
    },
  }
  Object.defineProperty(window, 'kyc', { value: bridge, configurable: true })

  return {
    calls,
    answer<C extends ChannelName>(channel: C, fn: Answer<C>): void {
      answers.set(channel, fn as (request: unknown) => unknown)
    },
    emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    },
    listenerCount(event: EventName): number {
      return listeners.get(event)?.size ?? 0
    },
    callsTo(channel: ChannelName): unknown[] {
      return calls.filter((c) => c.channel === channel).map((c) => c.request)
    },
  }
}

export function pendingSteps(at = 1): StepSnapshot[] {
  return submissionSteps.map((name) => ({ name, state: 'pending', attempts: 0, nextAttemptAt: null, updatedAt: at, lastError: null }))
}

/** A dashboard row; ids sort like the core's (newest first is the caller's business). */
export function summary(index: number, over: Partial<ApplicantSummary> = {}): ApplicantSummary {
  return {
    id: `a${String(index).padStart(8, '0')}`,
    reference: `20240101-${String(index).padStart(4, '0')}`,
    label: `王* ····${String(index).padStart(4, '0')}`,
    documentType: 'id_card',
    country: 'CHN',
    status: 'queued',
    createdAt: 1_000 + index,
    updatedAt: 1_000 + index,
    operatorName: 'Lin',
    training: false,
    bindingAt: null,
    steps: pendingSteps(),
    lastError: null,
    ...over,
  }
}
