import { z } from 'zod'

/**
 * A failure of the way to the platform or OSS rather than of either: the proxy, or a certificate
 * this machine does not trust. The code IT looks up, with the values the words need
 * (`reasons.network.<code>` in shared/i18n); one variant per code, so a code cannot carry
 * another's values.
 */
export const networkFailureReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('PROXY_UNREACHABLE'), proxy: z.string(), detail: z.string() }).strict(),
  z.object({ code: z.literal('PROXY_AUTH_REQUIRED'), proxy: z.string() }).strict(),
  z.object({ code: z.literal('PROXY_CONNECT_REFUSED'), proxy: z.string(), target: z.string(), status: z.number().int() }).strict(),
  z.object({ code: z.literal('CERT_UNTRUSTED'), host: z.string(), nodeCode: z.string() }).strict(),
  z.object({ code: z.literal('CERT_EXPIRED'), host: z.string(), nodeCode: z.string() }).strict(),
  z.object({ code: z.literal('CERT_NAME_MISMATCH'), host: z.string(), nodeCode: z.string() }).strict(),
])
export type NetworkFailureReason = z.infer<typeof networkFailureReasonSchema>
export type NetworkFailureCode = NetworkFailureReason['code']
