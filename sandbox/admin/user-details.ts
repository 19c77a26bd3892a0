import { isoSeconds } from '../common/clock'
import type { LivenessDeps } from '../platform/liveness-service'
import { livenessStateOf } from '../platform/liveness-service'
import { imageFieldOfStep, imageSteps } from '../store/kyc-records'
import type { SandboxUser } from '../store/users'

const isoOrNull = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : isoSeconds(ms))

/** Everything the sandbox holds about one account: what training staff and tests want to see. */
export function describeUser(deps: LivenessDeps, user: SandboxUser) {
  const record = deps.store.kyc.get(user.uid)
  const latestToken = deps.store.liveness.latestFor(user.uid)
  return {
    uid: user.uid,
    token: user.token,
    record: record.identity,
    steps: {
      1: record.identity ? { receivedAt: isoOrNull(record.step1At) } : null,
      ...Object.fromEntries(
        imageSteps.map((step) => {
          const slot = record.images[step]
          return [step, slot ? { field: imageFieldOfStep[step], value: slot.value, key: slot.key, receivedAt: isoOrNull(slot.receivedAt) } : null]
        }),
      ),
    },
    imageKeys: imageSteps.map((step) => record.images[step]?.key ?? null),
    liveness: {
      state: livenessStateOf(deps, user.uid),
      passedAt: isoOrNull(record.livenessPassedAt),
      latestToken: latestToken
        ? { verifyToken: latestToken.verifyToken, state: latestToken.state, source: latestToken.source, expiresAt: isoOrNull(latestToken.expiresAt) }
        : null,
    },
    calls: deps.store.stepLog.history(user.uid).map((entry) => ({ ...entry, at: isoSeconds(entry.at) })),
  }
}
