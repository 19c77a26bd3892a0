/**
 * What must hold before a desk leaves training mode for a live platform: a platform address, an
 * OSS region or endpoint, and a connection test of exactly those that passed recently. The core
 * refuses the switch naming the items still open; the settings screen shows the same list.
 */
export const leaveTrainingItems = ['platform-url', 'oss', 'connection-test'] as const
export type LeaveTrainingItem = (typeof leaveTrainingItems)[number]

/** A passing connection test counts for this long: an older one may no longer describe the network. */
export const connectionTestFreshMinutes = 30
