import type { Clock } from '../common/clock'
import type { AppTokenShape, EchoStyle } from '../options'
import type { SandboxStore } from '../store/sandbox-store'

/** What the platform API needs from the running sandbox. */
export interface PlatformDeps {
  store: SandboxStore
  bucket: string
  accountId: string
  clock: Clock
  stsTtlSeconds: number
  verifyTokenTtlSeconds: number
  /** Lifetime of customer tokens (options.tokenTtlSeconds); null: they never expire. */
  tokenTtlSeconds: number | null
  /** Absolute URL of the face-check page for a token (the API's own address is known only once it listens). */
  verifyUrlFor: (verifyToken: string) => string
  /** The shape `/ali/appToken` answers in for source=1. */
  appTokenShape: AppTokenShape
  /** How `/user/authinfoNew` echoes the record (options.echoStyle). */
  echoStyle: EchoStyle
  /** The OSS region, for the CDN-style image URLs of the `url` echo style. */
  region: string
  /** Origin the verify page's buttons post to when the flow hops origins; empty otherwise. */
  verifyHopOrigin: () => string
}
