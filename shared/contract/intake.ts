import { z } from 'zod'
import { documentTypeSchema, genderSchema } from '../domain/identity'
import { imageSlotSchema, imageSourceSchema, sha256HexSchema } from '../domain/images'
import { applicantStatusSchema } from '../domain/status'
import { warningOverrideSchema } from '../identity/overrides'
import { applicantIdSchema } from './applicants'
import { errorReasonSchema } from './errors'


/** Transport bounds only: the identity rules judge lengths and formats, and say so in words. */
const typed = (max: number) => z.string().max(max).nullish()

/** The identity fields as they stand while typed (shared/identity's IdentityDraft, bounded). */
export const captureIdentitySchema = z
  .object({
    country: typed(16),
    surname: typed(200),
    givenName: typed(200),
    documentType: documentTypeSchema.nullish(),
    documentNumber: typed(64),
    birthday: typed(32),
    gender: genderSchema.nullish(),
    chineseMainland: z.boolean().nullish(),
    issueDate: typed(32),
    validity: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('long-term') }).strict(),
        z.object({ kind: z.literal('until'), expiryDate: typed(32) }).strict(),
      ])
      .nullish(),
    mrz: typed(400),
  })
  .strict()
export type CaptureIdentity = z.infer<typeof captureIdentitySchema>

/** Everything typed on the capture screen; main keeps it sealed until the applicant is queued. */
export const captureFormSchema = z
  .object({
    identity: captureIdentitySchema,
    /** The customer consented to the processing of sensitive personal information (the text of shared/domain/consent). */
    consent: z.boolean(),
    /** Identity warnings the operator accepted, each with a reason (written to the event log on queueing). */
    overrides: z.array(warningOverrideSchema).max(30),
  })
  .strict()
export type CaptureForm = z.infer<typeof captureFormSchema>

/** The renderer sees the uid and the token's last characters, never the token. */
export const bindingViewSchema = z.object({
  uid: z.string(),
  maskedToken: z.string().max(16),
})
export type BindingView = z.infer<typeof bindingViewSchema>

/** A quality finding: the verdict with what to do, and the measurement (secondary), both worded by the screen. */
export const slotIssueSchema = z.object({ code: z.string().max(40), reason: errorReasonSchema, detail: errorReasonSchema.nullable() })
export type SlotIssue = z.infer<typeof slotIssueSchema>

/** A stored image as the capture screen shows it: a small preview and the quality gate's verdict. */
export const slotStateSchema = z.object({
  slot: imageSlotSchema,
  sha256: sha256HexSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive(),
  /** A small JPEG (about 480 px) made by main; the stored image itself never leaves main. */
  previewDataUrl: z.string().startsWith('data:image/jpeg;base64,').max(800_000),
  /** Quality findings, each blocking the queue until overridden with a reason. */
  issues: z.array(slotIssueSchema),
  overrideReason: z.string().nullable(),
})
export type SlotState = z.infer<typeof slotStateSchema>

export const slotsSchema = z.object({
  front: slotStateSchema.nullable(),
  back: slotStateSchema.nullable(),
  hand: slotStateSchema.nullable(),
})
export type Slots = z.infer<typeof slotsSchema>

export const captureDraftSchema = z.object({
  id: applicantIdSchema,
  reference: z.string(),
  form: captureFormSchema,
  binding: bindingViewSchema.nullable(),
  slots: slotsSchema,
  updatedAt: z.number().int(),
})
export type CaptureDraft = z.infer<typeof captureDraftSchema>

export const bindingInputSchema = z.discriminatedUnion('kind', [
  /** What a keyboard-wedge scanner typed or the operator pasted: JSON or a kyc://bind link. */
  z.object({ kind: z.literal('scan'), text: z.string().max(2048) }).strict(),
  z.object({ kind: z.literal('typed'), uid: z.string().max(64), token: z.string().max(1024) }).strict(),
  /** A seeded sandbox customer (training mode only), by its position in `capture:demo-customers`. */
  z.object({ kind: z.literal('demo'), index: z.number().int().min(0).max(1000) }).strict(),
])
export type BindingInput = z.infer<typeof bindingInputSchema>

/** A 25 MB file is about 33.4 M base64 characters; main applies the configured size limit itself. */
export const maxImageBase64Length = 36_000_000
export const base64Schema = z
  .string()
  .min(1)
  .max(maxImageBase64Length)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64')

export const imageOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  /** The file never became an image (not an image, HEIC, truncated ...): the slot keeps what it had. */
  z.object({ ok: z.literal(false), code: z.string().max(40), reason: errorReasonSchema }),
])
export type ImageOutcome = z.infer<typeof imageOutcomeSchema>

export const mrzReadSchema = z.discriminatedUnion('ok', [
  /** `valid`: every check digit passed; only then is the text worth filling the form from. */
  z.object({ ok: z.literal(true), text: z.string().max(200), valid: z.boolean() }),
  z.object({ ok: z.literal(false), code: z.enum(['no-image', 'image-unreadable', 'mrz-not-found', 'ocr-failed']) }),
])
export type MrzRead = z.infer<typeof mrzReadSchema>

const idOnly = z.object({ id: applicantIdSchema }).strict()

/** A note on a scanned file, as the code the screen words (shared/i18n), and a quality finding's measurement. */
const inboxNoteSchema = z.object({ code: z.string(), reason: errorReasonSchema, detail: errorReasonSchema.nullable() })

/** A file the scanner software saved into the watched folder, waiting to be assigned to a slot. */
export const inboxItemSchema = z.object({
  id: z.string().max(128),
  /** The file name only; the folder is configured in settings and its path is not sent. */
  name: z.string(),
  size: z.number().int().nonnegative(),
  detectedAt: z.number().int(),
  state: z.enum(['checking', 'ready', 'rejected', 'storing', 'stored']),
  /** Why it is rejected, or why it was not assigned automatically. */
  reason: inboxNoteSchema.nullable(),
  /** Quality findings: assigning the file needs a reason. */
  warnings: z.array(inboxNoteSchema),
  /** What the file name says, when it follows the configured pattern (`{ref}_{slot}`). */
  match: z.object({ reference: z.string(), slot: imageSlotSchema }).nullable(),
  image: z.object({ width: z.number().int(), height: z.number().int() }).nullable(),
  /** Its bytes are an image's: discarding deletes it. Anything else is only taken off the list. */
  deletable: z.boolean(),
  thumbnailDataUrl: z.string().startsWith('data:image/jpeg;base64,').max(400_000).nullable(),
})
export type InboxItemView = z.infer<typeof inboxItemSchema>

export const inboxStateSchema = z.object({
  /** False when no scanner folder is configured (settings). */
  configured: z.boolean(),
  /** Why the folder is not being watched (missing folder, bad pattern). */
  problem: inboxNoteSchema.nullable(),
  items: z.array(inboxItemSchema),
})
export type InboxState = z.infer<typeof inboxStateSchema>

export const intakeChannels = {
  /** A draft with its sealed form, binding (masked) and images (previews and verdicts). */
  'capture:open': { request: idOnly, response: captureDraftSchema },
  /** Saves the form as typed; `id: null` creates the draft. Complete identities also reach the applicant. */
  'capture:save': {
    request: z.object({ id: applicantIdSchema.nullable(), form: captureFormSchema }).strict(),
    response: z.object({ id: applicantIdSchema, reference: z.string(), updatedAt: z.number().int() }),
  },
  'capture:bind': {
    request: z.object({ id: applicantIdSchema, input: bindingInputSchema }).strict(),
    response: z.object({ binding: bindingViewSchema }),
  },
  /** Training mode: the sandbox's seeded customers, tokens masked. Empty outside training mode. */
  'capture:demo-customers': {
    request: z.object({}).strict(),
    response: z.object({ items: z.array(z.object({ index: z.number().int(), binding: bindingViewSchema })) }),
  },
  'capture:put-image': {
    request: z
      /** `data`: the file's or the camera still's bytes; main decodes, normalises, judges and stores them. */
      .object({ id: applicantIdSchema, slot: imageSlotSchema, data: base64Schema, source: imageSourceSchema.default('file') })
      .strict(),
    response: z.object({ outcome: imageOutcomeSchema, slots: slotsSchema }),
  },
  /** Keeps an image the quality gate flagged, for a reason (event log); `null` withdraws the override. */
  'capture:override-image': {
    request: z
      .object({ id: applicantIdSchema, slot: imageSlotSchema, reason: z.string().trim().min(1).max(500).nullable() })
      .strict(),
    response: z.object({ slots: slotsSchema }),
  },
  /** Reads the MRZ from a stored image offline (OCR); the renderer fills the form only from a valid one. */
  'capture:read-mrz': {
    request: z.object({ id: applicantIdSchema, slot: imageSlotSchema }).strict(),
    response: mrzReadSchema,
  },
  /** Checks everything again in main, records consent and overrides, and queues (and syncs now if asked). */
  'capture:queue': {
    request: z
      .object({
        id: applicantIdSchema,
        form: captureFormSchema,
        syncNow: z.boolean(),
        /** The operator's reason to go on although another applicant in the queue has this account or document (audited). */
        duplicateReason: z.string().trim().min(1).max(500).optional(),
      })
      .strict(),
    response: z.object({ id: applicantIdSchema, reference: z.string(), status: applicantStatusSchema }),
  },
  /** The draft's images as they stand (a scanner file was assigned to it by its name, say). */
  'capture:slots': { request: idOnly, response: z.object({ slots: slotsSchema }) },
  /** Deletes a draft that is not wanted (the customer left). */
  'capture:discard': { request: idOnly, response: z.object({}) },
  'inbox:list': { request: z.object({}).strict(), response: inboxStateSchema },
  /** Stores a scanned file in a draft's slot and deletes it from the folder. */
  'inbox:assign': {
    request: z
      .object({
        itemId: z.string().max(128),
        applicantId: applicantIdSchema,
        slot: imageSlotSchema,
        overrideReason: z.string().trim().min(1).max(500).nullable(),
      })
      .strict(),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), slots: slotsSchema }),
      z.object({ ok: z.literal(false), code: z.string(), reason: errorReasonSchema }),
    ]),
  },
  /** Deletes a file the operator does not want (a failed scan). */
  'inbox:discard': { request: z.object({ itemId: z.string().max(128) }).strict(), response: z.object({ removed: z.boolean() }) },
} as const

export const intakeEvents = {
  /** The scanner inbox changed (a file arrived, was checked, assigned or removed): list it again. */
  'inbox:changed': z.object({}),
} as const
