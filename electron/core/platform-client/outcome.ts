import type { ErrorReason } from '../../../shared/contract/errors'

/**
 * What one platform call came to. Transient faults (network, timeouts, 5xx, 429) are retried by
 * the engine; a refusal is the platform's answer and goes to the operator with its message.
 */
export type PlatformOutcome<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'refused'; readonly status: number; readonly message: string; readonly reason?: ErrorReason }
  | { readonly kind: 'transient'; readonly code: string; readonly message: string; readonly network: boolean; readonly reason?: ErrorReason }

export function ok<T>(value: T): PlatformOutcome<T> {
  return { kind: 'ok', value }
}
