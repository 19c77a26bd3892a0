import { createHash } from 'node:crypto'
import type { AccountBinding, IdentityData } from '../../../../shared/domain/identity'
import type { ImageSlot } from '../../../../shared/domain/images'
import type { OssTarget, UploadOutcome } from '../../oss/oss-uploader'
import type { UploadImage } from '../../vault/image-store'
import type { PlatformOutcome } from '../../platform-client/outcome'
import type { AppTokenHandoff, AuthInfo, StsCredentials } from '../../platform-client/platform-client'
import { identityToWire, imageToWire } from '../../platform-client/to-wire'
import { authInfoAttachmentSchema } from '../../platform-client/wire-schemas'
import type { PlatformPort } from '../ports'

export type PlatformOp = 'getSts' | 'authnew:1' | 'authnew:2' | 'authnew:3' | 'authnew:4' | 'authInfo' | 'appToken' | 'vedioAuth'

export interface Call {
  readonly op: PlatformOp
  readonly uid: string
  readonly token: string
  readonly at: number
}

/** Returns an outcome to replace the normal answer, or undefined to answer normally. */
export type Script = (op: PlatformOp, uid: string) => PlatformOutcome<never> | undefined

/** Returns a promise the answer waits for (a call held in flight), or undefined not to wait. */
export type Gate = (op: PlatformOp, uid: string) => Promise<void> | undefined

interface Held {
  identity?: IdentityData
  images: Partial<Record<ImageSlot, string>>
  tokens: number
  passed: boolean
}

const imageOp = { front: 'authnew:2', back: 'authnew:3', hand: 'authnew:4' } as const

/**
 * An in-memory platform for engine tests driven by a fake clock: answers after one tick, records
 * every call, enforces the step order, and lets a test script any answer. The echo is built with
 * the platform client's own wire mapping, so this file names no wire field.
 */
export class FakePlatform implements PlatformPort {
  readonly calls: Call[] = []
  readonly held = new Map<string, Held>()
  script: Script = () => undefined
  gate: Gate = () => undefined
  /** Rewrites the echo, for reconciliation tests. */
  tamperEcho: (echo: Record<string, string | number>) => Record<string, string | number> = (e) => e
  stsTtlMs = 60 * 60_000

  constructor(private readonly now: () => number) {}

  private held1(uid: string): Held {
    let held = this.held.get(uid)
    if (!held) {
      held = { images: {}, tokens: 0, passed: false }
      this.held.set(uid, held)
    }
    return held
  }

  private async answer<T>(op: PlatformOp, account: AccountBinding, normal: (held: Held) => PlatformOutcome<T>): Promise<PlatformOutcome<T>> {
    this.calls.push({ op, uid: account.uid, token: account.token, at: this.now() })
    await (this.gate(op, account.uid) ?? Promise.resolve())
    return this.script(op, account.uid) ?? normal(this.held1(account.uid))
  }

  getSts(account: AccountBinding): Promise<PlatformOutcome<StsCredentials>> {
    return this.answer('getSts', account, () => {
      const n = this.calls.length
      return {
        kind: 'ok',
        value: {
          // The uid in the key id lets the fake OSS enforce what the real policy does: one uid's prefix.
          accessKeyId: `STS.${account.uid}.${n}`,
          accessKeySecret: `secret-${n}`,
          securityToken: `token-${n}`,
          expiresAt: this.now() + this.stsTtlMs,
          bucket: 'fake',
        },
      }
    })
  }

  submitIdentity(account: AccountBinding, identity: IdentityData): Promise<PlatformOutcome<null>> {
    return this.answer('authnew:1', account, (held) => {
      held.identity = identity
      return { kind: 'ok', value: null }
    })
  }

  submitImage(account: AccountBinding, slot: ImageSlot, reference: string): Promise<PlatformOutcome<null>> {
    return this.answer(imageOp[slot], account, (held) => {
      const before = slot === 'front' ? held.identity !== undefined : held.images[slot === 'back' ? 'front' : 'back'] !== undefined
      if (!before) return { kind: 'refused', status: -1003, message: 'step out of order' }
      held.images[slot] = reference
      return { kind: 'ok', value: null }
    })
  }

  authInfo(account: AccountBinding): Promise<PlatformOutcome<AuthInfo>> {
    return this.answer('authInfo', account, (held) => {
      // Unknown keys (step, currentLocation) are dropped by the schema, as the client would.
      let echo: Record<string, string | number> = held.identity ? { ...identityToWire(held.identity) } : {}
      for (const slot of ['front', 'back', 'hand'] as const) {
        const ref = held.images[slot]
        if (ref !== undefined) echo = { ...imageToWire(slot, ref, held.identity?.chineseMainland ?? true), ...echo }
      }
      return { kind: 'ok', value: authInfoAttachmentSchema.parse(this.tamperEcho(echo)) }
    })
  }

  startLiveness(account: AccountBinding): Promise<PlatformOutcome<AppTokenHandoff>> {
    return this.answer('appToken', account, (held) => {
      held.tokens += 1
      return { kind: 'ok', value: { token: `verify-${account.uid}-${held.tokens}`, url: `https://verify.example/verify/${held.tokens}` } }
    })
  }

  livenessResult(account: AccountBinding): Promise<PlatformOutcome<null>> {
    return this.answer('vedioAuth', account, (held) =>
      held.passed ? { kind: 'ok', value: null } : { kind: 'refused', status: -1002, message: '未认证，或认证失效，请重新认证' },
    )
  }

  opsFor(uid: string): PlatformOp[] {
    return this.calls.filter((c) => c.uid === uid).map((c) => c.op)
  }
}

/**
 * An in-memory OSS: records each put by key; `fail` may answer instead. Like the real policy, it
 * refuses a key outside the credentials' uid prefix (`kyc/<uid>/`).
 */
export function fakeOss(fail: (key: string) => UploadOutcome | undefined = () => undefined) {
  const objects = new Map<string, number>()
  const puts: string[] = []
  const active = new Map<string, number>()
  const stats = { maxParallelPerApplicant: 0, maxApplicantsUploading: 0 }
  const put = async (_t: OssTarget, credentials: StsCredentials, key: string, body: UploadImage): Promise<UploadOutcome> => {
    puts.push(key)
    const uid = credentials.accessKeyId.split('.')[1] ?? ''
    const folder = key.slice(0, key.lastIndexOf('/'))
    active.set(folder, (active.get(folder) ?? 0) + 1)
    stats.maxParallelPerApplicant = Math.max(stats.maxParallelPerApplicant, active.get(folder) ?? 0)
    stats.maxApplicantsUploading = Math.max(stats.maxApplicantsUploading, [...active.values()].filter((n) => n > 0).length)
    await new Promise((resolve) => setImmediate(resolve))
    active.set(folder, (active.get(folder) ?? 1) - 1)
    const failure = fail(key)
    if (failure) return failure
    if (!key.startsWith(`kyc/${uid}/`)) return { kind: 'refused', code: 'AccessDenied', message: 'OSS: outside the policy', reason: { key: 'stepError.oss.refused', params: { code: 'AccessDenied' } } }
    // As OSS does with Content-MD5: a wrong digest is refused, not stored.
    if (createHash('md5').update(body.bytes).digest('base64') !== body.contentMd5) {
      return { kind: 'refused', code: 'InvalidDigest', message: 'OSS: The Content-MD5 you specified was invalid.', reason: { key: 'stepError.oss.refused', params: { code: 'InvalidDigest' } } }
    }
    objects.set(key, body.bytes.length)
    return { kind: 'ok' }
  }
  return { put, objects, puts, stats }
}
