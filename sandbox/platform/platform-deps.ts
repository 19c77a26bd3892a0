import type { Clock } from '../common/clock'
import type { SandboxStore } from '../store/sandbox-store'

/** What the platform API needs from the running sandbox. */
export interface PlatformDeps {
  store: SandboxStore
  bucket: string
  accountId: string
  clock: Clock
  stsTtlSeconds: number
  verifyTokenTtlSeconds: number
  /** Absolute URL of the face-check page for a token (the API's own address is known only once it listens). */
  verifyUrlFor: (verifyToken: string) => string
}
