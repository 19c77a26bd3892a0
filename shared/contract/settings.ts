import { z } from 'zod'
import { accountBindingSchema } from '../domain/identity'
import { leaveTrainingItems } from '../domain/leave-training'
import { queuedApplicantsChoices } from '../domain/platform-switch'
import { settingsSchema } from '../domain/settings'
import { connectionTestResultSchema } from './connection-test'

/**
 * A change to the settings: top-level values, or sections with only the fields that change. The
 * sections are loose here on purpose: main merges them into the current settings and validates
 * the whole document, answering INVALID_INPUT with one issue per field (`platform.baseUrl`, ...),
 * which the settings screen shows beside each field.
 */
const section = z.record(z.string(), z.unknown()).optional()
export const settingsPatchSchema = z
  .object({
    language: settingsSchema.shape.language.unwrap().optional(),
    platform: section,
    oss: section,
    sync: section,
    intake: section,
    retention: section,
    network: section,
    lockAfterIdleMinutes: settingsSchema.shape.lockAfterIdleMinutes.unwrap().optional(),
    timeZone: z.string().max(64).optional(),
    branchName: z.string().max(60).optional(),
  })
  .strict()
export type SettingsPatchRequest = z.input<typeof settingsPatchSchema>

/**
 * A change, and (only when the live platform moves while its applicants still wait) what to do
 * with them: the core refuses such a change without this answer.
 */
export const settingsUpdateRequestSchema = settingsPatchSchema.extend({ queuedApplicants: z.enum(queuedApplicantsChoices).optional() }).strict()
export type SettingsUpdateRequest = z.input<typeof settingsUpdateRequestSchema>

/** Each item for leaving training mode with the given (unsaved) settings, in the core's order. */
export const leaveTrainingChecklistSchema = z.object({
  trainingMode: z.boolean(),
  items: z.array(z.object({ item: z.enum(leaveTrainingItems), ok: z.boolean() })),
  ready: z.boolean(),
})
export type LeaveTrainingChecklist = z.infer<typeof leaveTrainingChecklistSchema>

/** A demo customer account of the training sandbox; its token never leaves main. */
export const demoAccountSchema = z.object({ index: z.number().int().nonnegative(), uidMasked: z.string() })

export const settingsViewSchema = z.object({
  /** With the proxy password left out: the window never holds it once saved. */
  settings: settingsSchema,
  /** Whether a proxy password is saved (a save that leaves the password empty keeps it). */
  proxyPasswordSet: z.boolean(),
  /** No platform configured: the built-in sandbox stands in (training mode). */
  trainingMode: z.boolean(),
  demoAccounts: z.array(demoAccountSchema),
  /** Applicants captured in training mode that still hold data: what "remove training applicants" would remove. */
  trainingApplicants: z.number().int().nonnegative(),
})
export type SettingsView = z.infer<typeof settingsViewSchema>

export const connectionTestRequestSchema = z
  .object({
    /** Settings to test before saving them; omitted: the saved ones. */
    patch: settingsPatchSchema.optional(),
    /** An account to ask for STS credentials with; omitted: a demo account in training mode, else reachability only. */
    account: accountBindingSchema.optional(),
  })
  .strict()

export const settingsChannels = {
  'settings:get': { request: z.object({}).strict(), response: settingsViewSchema },
  'settings:update': { request: settingsUpdateRequestSchema, response: settingsViewSchema },
  'settings:test-connection': { request: connectionTestRequestSchema, response: connectionTestResultSchema },
  /** Training mode only: adds queued demo applicants bound to the sandbox's demo accounts. */
  'training:add-demo-applicants': {
    request: z.object({ count: z.number().int().min(1).max(20) }).strict(),
    response: z.object({ created: z.number().int().nonnegative() }),
  },
  /** Admin: what leaving training mode with these settings still needs. */
  'training:leave-checklist': { request: z.object({ patch: settingsPatchSchema.optional() }).strict(), response: leaveTrainingChecklistSchema },
  /** Admin: removes every applicant captured in training mode (images and personal data, as a purge). */
  'training:remove-applicants': { request: z.object({}).strict(), response: z.object({ removed: z.number().int().nonnegative() }) },
} as const
