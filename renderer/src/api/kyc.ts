import type { ChannelName, IpcError, RequestOf, ResponseOf } from '../../../shared/contract'

/** A failure the core reported: a code the UI can branch on and a message for the operator. */
export class KycCallError extends Error {
  override readonly name = 'KycCallError'
  constructor(readonly error: IpcError) {
    super(error.message)
  }
}

const lockedListeners = new Set<() => void>()

/** Runs when any call comes back LOCKED (the session locked itself): the shell shows sign-in. */
export function onLockedError(listener: () => void): () => void {
  lockedListeners.add(listener)
  return () => lockedListeners.delete(listener)
}

/** Calls the core and returns its answer, or throws a KycCallError carrying the typed error. */
export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await window.kyc.invoke(channel, request)
  if (!result.ok) {
    if (result.error.code === 'LOCKED' && !channel.startsWith('operators:')) lockedListeners.forEach((l) => l())
    throw new KycCallError(result.error)
  }
  return result.value
}

export function errorOf(thrown: unknown): IpcError {
  if (thrown instanceof KycCallError) return thrown.error
  return { code: 'INTERNAL', message: thrown instanceof Error ? thrown.message : String(thrown) }
}
