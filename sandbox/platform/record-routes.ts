import type { FastifyInstance } from 'fastify'
import { failure, success } from './envelope'
import { submitAuthnew } from './authnew-service'
import { withCaller } from './call-context'
import type { PlatformDeps } from './platform-deps'
import { issueStsCredential } from './sts-issuer'
import { imageFieldOfStep } from '../store/kyc-records'
import { styledEcho } from './echo-style'

/** `/user/getsts`, `/user/authnew` and `/user/authinfoNew`. */
export function registerRecordRoutes(app: FastifyInstance, deps: PlatformDeps): void {
  app.post('/user/getsts', async (request) =>
    withCaller(deps.store.users, request.body, ({ user }) => {
      const attachment = issueStsCredential(
        { credentials: deps.store.sts, clock: deps.clock, ttlSeconds: deps.stsTtlSeconds, bucket: deps.bucket, accountId: deps.accountId },
        user.uid,
      )
      deps.store.stepLog.append(user.uid, { call: 'getsts', step: null, outcome: 'accepted', status: 200, message: null, at: deps.clock() })
      return success(attachment)
    }),
  )

  app.post('/user/authnew', async (request) =>
    withCaller(deps.store.users, request.body, ({ user, language, params }) => {
      const result = submitAuthnew({ store: deps.store, bucket: deps.bucket, clock: deps.clock }, user.uid, params)
      const envelope = result.outcome === 'refused' ? failure(result.refusal, language) : success(null)
      deps.store.stepLog.append(user.uid, {
        call: 'authnew',
        step: result.step,
        outcome: result.outcome,
        status: envelope.status,
        message: envelope.message,
        at: deps.clock(),
      })
      return envelope
    }),
  )

  app.post('/user/authinfoNew', async (request) =>
    withCaller(deps.store.users, request.body, ({ user }) => {
      const record = deps.store.kyc.get(user.uid)
      const identity = record.identity
      return success(styledEcho(deps, {
        country: identity?.country ?? null,
        firstName: identity?.firstName ?? null,
        secondName: identity?.secondName ?? null,
        idNumber: identity?.idNumber ?? null,
        [imageFieldOfStep[2]]: record.images[2]?.value ?? null,
        [imageFieldOfStep[3]]: record.images[3]?.value ?? null,
        [imageFieldOfStep[4]]: record.images[4]?.value ?? null,
        birthday: identity?.birthday ?? null,
        gender: identity?.gender ?? null,
        isChina: identity?.isChina ?? null,
        singnTime: identity?.singnTime ?? null,
        outofTime: identity?.outofTime ?? null,
        isAllTime: identity?.isAllTime ?? null,
      }))
    }),
  )
}
