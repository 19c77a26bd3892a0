import type { z } from 'zod'
import { appChannels } from './app'
import { applicantEditChannels } from './applicant-edit'
import { applicantImageChannels } from './applicant-images'
import { applicantChannels, applicantEvents } from './applicants'
import { backupChannels } from './backup'
import { diagnosticsChannels } from './diagnostics'
import { idCardReaderChannels } from './id-card-reader'
import { importChannels, importEvents } from './import'
import { intakeChannels, intakeEvents } from './intake'
import { livenessChannels } from './liveness'
import { operatorChannels, operatorEvents } from './operators'
import { printChannels } from './print'
import { rebindChannels } from './rebind'
import { recordsChannels } from './records'
import { todayChannels } from './today'
import type { ChannelName, EventName } from './names'
import { settingsChannels } from './settings'
import { syncChannels, syncEvents } from './sync'

interface ChannelSpec {
  readonly request: z.ZodType
  readonly response: z.ZodType
}

/** Every channel's request and response schema; `satisfies` makes a missing or extra name an error. */
export const channelSchemas = {
  ...appChannels,
  ...operatorChannels,
  ...applicantChannels,
  ...applicantEditChannels,
  ...applicantImageChannels,
  ...livenessChannels,
  ...syncChannels,
  ...settingsChannels,
  ...diagnosticsChannels,
  ...intakeChannels,
  ...importChannels,
  ...recordsChannels,
  ...todayChannels,
  ...backupChannels,
  ...idCardReaderChannels,
  ...rebindChannels,
  ...printChannels,
} as const satisfies { readonly [C in ChannelName]: ChannelSpec } & { readonly [k: string]: ChannelSpec }

export const eventSchemas = {
  ...applicantEvents,
  ...operatorEvents,
  ...syncEvents,
  ...intakeEvents,
  ...importEvents,
} as const satisfies { readonly [E in EventName]: z.ZodType }

type NoExtraKeys<T, K extends PropertyKey> = Exclude<keyof T, K> extends never ? true : never
// Compile-time proof that the schema tables name no channel or event the allowlist lacks.
export const schemaTablesMatchNames: NoExtraKeys<typeof channelSchemas, ChannelName> &
  NoExtraKeys<typeof eventSchemas, EventName> = true

export type RequestOf<C extends ChannelName> = z.input<(typeof channelSchemas)[C]['request']>
export type ParsedRequestOf<C extends ChannelName> = z.output<(typeof channelSchemas)[C]['request']>
export type ResponseOf<C extends ChannelName> = z.output<(typeof channelSchemas)[C]['response']>
export type EventPayloadOf<E extends EventName> = z.output<(typeof eventSchemas)[E]>
