import { z } from 'zod'
import { platformLanguageSchema } from './identity'
import { errorActionOverridesSchema } from './error-actions'
import { originOf } from './origin'
import { reconcileRulesSchema } from './reconcile-rules'
import { networkSettingsSchema } from './network-settings'
import { isTimeZone } from '../format/time'

/**
 * Everything an operator or IT can configure. One schema, parsed where settings enter (the
 * settings screen, the command line, the database), with defaults that make a fresh install work
 * in training mode.
 */
/** Plain http only to this machine (a sandbox, a local proxy); personal data never crosses a network unencrypted. */
export function isHttpsOrLoopback(value: string): boolean {
  if (value === '') return true
  // zod runs this refinement even when the URL check failed: that one reports a malformed
  // address, so this one must not throw on it (a half-typed URL in the settings form).
  if (!URL.canParse(value)) return true
  const url = new URL(value)
  if (url.protocol === 'https:') return true
  return isLoopbackHost(url.hostname)
}

/** This machine, as a URL's hostname spells it (`localhost`, `127.x.x.x`, `[::1]`). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname)
}

const serviceUrlSchema = z
  .union([z.literal(''), z.url({ protocol: /^https?$/ })])
  .refine(isHttpsOrLoopback, 'must use https:// (plain http:// only for this machine)')

/**
 * Only https: a face-check page handles the customer's camera and identity. `params.key` names the
 * rule broken, for the settings screen's words.
 */
const verifyUrlTemplateSchema = z.union([
  z.literal(''),
  z
    .string()
    .max(2000)
    .refine((v) => v.includes('{token}'), { message: 'must contain {token}, where the verify token goes', params: { key: 'template' } })
    .refine((v) => URL.canParse(v.replaceAll('{token}', 't')) && new URL(v.replaceAll('{token}', 't')).protocol === 'https:', {
      message: 'must be an https:// address',
      params: { key: 'https' },
    }),
])

/**
 * `https://host[:port]`, nothing after it: the counter window compares origins, not paths, by the
 * one origin rule (./origin.ts), so a listed origin means here what it means there.
 */
const verifyOriginSchema = z
  .string()
  .max(300)
  .refine((v) => {
    const origin = originOf(v)
    if (origin === null || !origin.startsWith('https://')) return false
    const url = new URL(v)
    return url.pathname === '/' && url.search === '' && url.hash === '' && !v.includes('@')
  }, { message: 'must be an https:// origin such as https://h5.example.com', params: { key: 'origin' } })
  .transform((v) => originOf(v) ?? v)

export const platformSettingsSchema = z.object({
  /** Empty: training mode against the built-in sandbox. */
  baseUrl: serviceUrlSchema.default(''),
  encoding: z.enum(['form', 'json']).default('form'),
  /** Request timeout for platform calls. */
  timeoutMs: z.number().int().min(1_000).max(120_000).default(20_000),
  /** Non-200 envelope statuses that are transient on this platform and retried, not shown to a person. */
  retryableStatuses: z.array(z.number().int()).default([]),
  /**
   * The face-check page for a platform whose `/ali/appToken` answers with a bare token, e.g.
   * `https://h5.example.com/verify?token={token}`; empty when the platform sends the page itself.
   */
  verifyUrlTemplate: verifyUrlTemplateSchema.default(''),
  /** Further origins the counter window may visit during the face check (the vendor's H5 pages, their CDN). */
  verifyOrigins: z.array(verifyOriginSchema).max(20).default([]),
  /** Per-field reconciliation rule overrides (shared/domain/reconcile-rules.ts); empty keeps the defaults. */
  reconcileRules: reconcileRulesSchema.default({}),
  /**
   * Platform status or OSS code -> operator action, over the defaults (shared/domain/error-actions.ts).
   * Codes mapped to `rebind` mean "the customer's account binding is no longer valid".
   */
  errorActions: errorActionOverridesSchema.default({}),
})

export const ossSettingsSchema = z.object({
  /** An OSS region such as `oss-cn-hangzhou`, used when no endpoint is given. */
  region: z.string().regex(/^[a-z0-9-]*$/).default('oss-cn-hangzhou'),
  /** Full endpoint URL; overrides the region (a private endpoint, or the sandbox). */
  endpoint: serviceUrlSchema.default(''),
  addressing: z.enum(['virtual-host', 'path-style']).default('virtual-host'),
  /** What authnew receives for an image: the object key, or a full URL. */
  imageReference: z.enum(['object-key', 'url']).default('object-key'),
  timeoutMs: z.number().int().min(5_000).max(600_000).default(120_000),
})

export const syncSettingsSchema = z.object({
  concurrency: z.number().int().min(1).max(16).default(3),
  retryBaseMs: z.number().int().min(100).max(60_000).default(2_000),
  retryCapMs: z.number().int().min(1_000).max(3_600_000).default(300_000),
  /** Start real-person verification as soon as an applicant is submitted. */
  autoLiveness: z.boolean().default(false),
  /** 1 web, 2 app: what `source` the liveness calls send. */
  livenessSource: z.union([z.literal(1), z.literal(2)]).default(1),
  /** An applicant not yet submitted whose account QR is older than this is flagged: its token may expire first. */
  bindingWarnAfterHours: z.number().int().min(1).max(720).default(12),
})

export const intakeSettingsSchema = z.object({
  maxFileBytes: z.number().int().min(100_000).max(200_000_000).default(25_000_000),
  maxLongSide: z.number().int().min(800).max(8_000).default(2_000),
  minWidth: z.number().int().min(100).max(4_000).default(800),
  minHeight: z.number().int().min(100).max(4_000).default(500),
  blurThreshold: z.number().min(0).max(10_000).default(100),
  scannerFolder: z.string().default(''),
  /** `{ref}` and `{slot}` placeholders, e.g. `{ref}_{slot}` matches `A7K3_front.jpg`. */
  scannerPattern: z.string().default('{ref}_{slot}'),
})

/**
 * Which desktop ID card reader the capture screen uses (docs/id-card-readers.md), and how the
 * platform takes permit cards. Reader services are reached on this machine only: a vendor service
 * on another host would send the customer's identity and photo across the network.
 */
export const idCardReaderAdapters = ['off', 'cvr-web', 'zk-online'] as const
export type IdCardReaderAdapter = (typeof idCardReaderAdapters)[number]

const readerServiceUrlSchema = z
  .url({ protocol: /^http$/ })
  .refine((value) => isLoopbackHost(new URL(value).hostname), 'must be on this machine (127.0.0.1, localhost or [::1])')

export const idCardReaderSettingsSchema = z.object({
  adapter: z.enum(idCardReaderAdapters).default('off'),
  /** 华视 (ChinaVision) local web service. */
  cvrWebUrl: readerServiceUrlSchema.default('http://127.0.0.1:19196'),
  /** ZKTeco ZKIDROnline local web service. */
  zkOnlineUrl: readerServiceUrlSchema.default('http://127.0.0.1:24010/ZKIDROnline'),
  /** Per request to the service; a read waits for a card by polling, each poll within this. */
  timeoutMs: z.number().int().min(500).max(30_000).default(3_000),
  /**
   * The platform accepts Hong Kong/Macau/Taiwan residence permits and foreigner's permanent
   * residence cards as `currentLocation` 1. Off: those cards are read and shown, then refused.
   */
  acceptResidencePermits: z.boolean().default(false),
})
export type IdCardReaderSettings = z.infer<typeof idCardReaderSettingsSchema>

const defaultUnfinishedDays = 30

const retentionFields = z
  .object({
    /** Days after verification before images and personal fields are purged; 0 purges at once. */
    purgeVerifiedAfterDays: z.number().int().min(0).max(3650).default(7),
    /** Days after capture (drafts) or queueing after which an unfinished applicant is flagged to the operator. */
    flagStaleAfterDays: z.number().int().min(1).max(365).default(14),
    /**
     * Days after queueing after which an applicant that never reached verification (unsynced,
     * refused, submitted, waiting for the face check) is purged; drafts are only ever flagged.
     */
    purgeUnfinishedAfterDays: z.number().int().min(2).max(3650).default(defaultUnfinishedDays),
  })
  .refine((r) => r.purgeUnfinishedAfterDays > r.flagStaleAfterDays, {
    path: ['purgeUnfinishedAfterDays'],
    message: 'must be more days than flagStaleAfterDays, so an applicant is flagged before it is purged',
  })

/**
 * A document saved before `purgeUnfinishedAfterDays` existed may flag later than its default:
 * its purge age then starts one day after the flag, so the stored document still parses.
 */
function withUnfinishedDays(input: unknown): unknown {
  if (input === null || typeof input !== 'object' || 'purgeUnfinishedAfterDays' in input) return input
  const flag = 'flagStaleAfterDays' in input && typeof input.flagStaleAfterDays === 'number' ? input.flagStaleAfterDays : 0
  return { ...input, purgeUnfinishedAfterDays: Math.max(defaultUnfinishedDays, flag + 1) }
}

export const retentionSettingsSchema = z.preprocess(withUnfinishedDays, retentionFields)

export const settingsSchema = z.object({
  language: z.enum(['zh-CN', 'en']).default('zh-CN'),
  platformLanguage: platformLanguageSchema.optional(),
  platform: platformSettingsSchema.prefault({}),
  oss: ossSettingsSchema.prefault({}),
  sync: syncSettingsSchema.prefault({}),
  intake: intakeSettingsSchema.prefault({}),
  idCardReader: idCardReaderSettingsSchema.prefault({}),
  retention: retentionSettingsSchema.prefault({}),
  network: networkSettingsSchema.prefault({}),
  lockAfterIdleMinutes: z.number().int().min(1).max(240).default(10),
  /** The branch's IANA time zone (`Asia/Shanghai`) for screens, exports and diagnostics; empty: this computer's zone. */
  timeZone: z
    .string()
    .max(64)
    .refine((v) => v === '' || isTimeZone(v), 'must be an IANA time zone name such as Asia/Shanghai')
    .default(''),
  /** The branch's name as the customer's receipt and consent form print it; empty until the admin sets it. */
  branchName: z.string().trim().max(60).default(''),
})
export type Settings = z.infer<typeof settingsSchema>
export type SettingsInput = z.input<typeof settingsSchema>

export const defaultSettings: Settings = settingsSchema.parse({})
