import { z } from 'zod'
import { networkFailureReasonSchema } from './network-failure'

/**
 * What one half of the connection test found, as a code with its values: the screen words it
 * (`connectionTest.<finding>` in shared/i18n) and formats `expiresAt` in the branch's zone. Each
 * finding fixes whether it passed and the stage it reached, so no pair of them can disagree.
 * `code` is the HTTP status, envelope status, OSS or network error code, as text.
 */
const timing = { code: z.string().nullable(), ms: z.number().int().nonnegative() }
const failed = <S extends z.ZodType<string>>(stage: S) => ({ ok: z.literal(false), stage, ...timing })
const passed = <S extends z.ZodType<string>>(stage: S) => ({ ok: z.literal(true), stage, ...timing })

export const probeResultSchema = z.discriminatedUnion('finding', [
  /** No platform address is set. */
  z.object({ finding: z.literal('no-address'), ...failed(z.literal('reachability')) }),
  /** The way there failed (the proxy, or a certificate not trusted), not the service. */
  z.object({ finding: z.literal('network'), failure: networkFailureReasonSchema, ...failed(z.enum(['proxy', 'certificate'])) }),
  z.object({ finding: z.literal('platform-no-answer'), host: z.string(), ...failed(z.literal('reachability')) }),
  z.object({ finding: z.literal('not-the-platform'), host: z.string(), ...failed(z.literal('envelope')) }),
  /** A test account was refused, as expected: the path and the envelope work. The platform's words verbatim. */
  z.object({ finding: z.literal('envelope-only'), host: z.string(), platformMessage: z.string(), ...passed(z.literal('envelope')) }),
  z.object({ finding: z.literal('sts-received'), bucket: z.string(), expiresAt: z.number().int(), ...passed(z.literal('credentials')) }),
  z.object({ finding: z.literal('sts-refused'), platformMessage: z.string(), ...failed(z.literal('credentials')) }),
  /** No credentials to test OSS with: only that its address answers. */
  z.object({ finding: z.literal('oss-answers'), ...passed(z.literal('reachability')) }),
  z.object({ finding: z.literal('oss-no-answer'), ...failed(z.literal('reachability')) }),
  z.object({ finding: z.literal('oss-authorized'), bucket: z.string(), ...passed(z.literal('authorization')) }),
  z.object({ finding: z.literal('oss-refused'), status: z.number().int(), ...failed(z.literal('authorization')) }),
])
export type ProbeResult = z.infer<typeof probeResultSchema>
export type ProbeFinding = ProbeResult['finding']

export const connectionTestResultSchema = z.object({
  platformHost: z.string(),
  trainingMode: z.boolean(),
  platform: probeResultSchema,
  oss: probeResultSchema,
})
export type ConnectionTestResult = z.infer<typeof connectionTestResultSchema>
