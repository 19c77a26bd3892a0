import type { ApplicantStatus } from '../../../../shared/domain/status'
import type { ChipState } from '../../stores/step-chips'
import type { IconName } from '../icon-names'

/** How each state looks: an icon shape and a tone, always next to its words. */
export const statusLook: Record<ApplicantStatus, { icon: IconName; tone: string }> = {
  draft: { icon: 'draft', tone: 'muted' },
  queued: { icon: 'circle', tone: 'muted' },
  syncing: { icon: 'spinner', tone: 'info' },
  'waiting-retry': { icon: 'clock', tone: 'warn' },
  'needs-attention': { icon: 'warning', tone: 'danger' },
  'needs-new-qr': { icon: 'qr', tone: 'warn' },
  submitted: { icon: 'check', tone: 'ok' },
  'liveness-pending': { icon: 'face', tone: 'info' },
  verified: { icon: 'shield', tone: 'ok' },
}

export const chipLook: Record<ChipState, { icon: IconName; tone: string }> = {
  pending: { icon: 'circle', tone: 'muted' },
  running: { icon: 'spinner', tone: 'info' },
  done: { icon: 'check', tone: 'ok' },
  failed: { icon: 'cross', tone: 'danger' },
  'waiting-retry': { icon: 'clock', tone: 'warn' },
  'not-requested': { icon: 'dash', tone: 'muted' },
  'awaiting-customer': { icon: 'face', tone: 'info' },
}
