/**
 * Channel and event names, kept free of zod so the preload bundle that builds its allowlist from
 * them stays tiny. `schemas.ts` maps every name here to its schemas, and the type checker refuses
 * a name without one.
 */
export const channelNames = [
  'app:info',
  'operators:status',
  'operators:create',
  'operators:sign-in',
  'operators:sign-out',
  'operators:heartbeat',
  'operators:change-pin',
  'operators:list',
  'operators:add',
  'operators:disable',
  'operators:enable',
  'operators:reset-pin',
  'operators:set-role',
  'applicants:list',
  'applicants:counts',
  'applicants:old-bindings',
  'applicants:get',
  'applicants:summaries',
  'applicants:sync',
  'applicants:retry',
  'applicants:remove',
  'applicants:timeline',
  'applicants:thumbnail',
  'applicants:identity-for-edit',
  'applicants:update',
  'capture:waiting-for-qr',
  'capture:rebind',
  'applicants:platform-record',
  'applicants:export',
  'retention:status',
  'liveness:start',
  'liveness:session',
  'liveness:check',
  'liveness:open-window',
  'sync:state',
  'sync:all',
  'sync:pause',
  'sync:resume',
  'settings:get',
  'settings:update',
  'settings:test-connection',
  'training:add-demo-applicants',
  'diagnostics:recent',
  'diagnostics:export',
  'capture:open',
  'capture:save',
  'capture:bind',
  'capture:demo-customers',
  'capture:put-image',
  'capture:override-image',
  'capture:read-mrz',
  'capture:queue',
  'capture:discard',
  'capture:slots',
  'inbox:list',
  'inbox:assign',
  'inbox:discard',
  'import:selection',
  'import:choose',
  'import:preview',
  'import:commit',
  'import:cancel',
] as const
export type ChannelName = (typeof channelNames)[number]

export const eventNames = ['steps:changed', 'operators:locked', 'sync:state', 'inbox:changed', 'import:progress'] as const
export type EventName = (typeof eventNames)[number]

/** The IPC channel main sends an event on; the preload listens on the same names only. */
export function eventChannel(name: EventName): string {
  return `kyc:event:${name}`
}
