import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { CallContext } from './call-context'
import { withCaller } from './call-context'
import type { Envelope } from './envelope'
import { failure, success } from './envelope'
import { describeFieldProblem, firstProblem } from './field-messages'
import { issueVerifyToken, livenessStateOf } from './liveness-service'
import type { PlatformDeps } from './platform-deps'
import { LIVENESS_NOT_VERIFIED, Status, refusal } from './status-codes'
import { imageSteps } from '../store/kyc-records'
import { integerField } from './wire-fields'

const sourceSchema = z.object({ source: integerField([1, 2], 'source') })

const NOT_READY = refusal(
  Status.verificationNotReady,
  '请先完成身份认证资料提交（第 1 至 4 步），再进行实人认证',
  'Submit the verification data (authnew steps 1 to 4) before real-person verification',
)

function withSource(context: CallContext, handle: (source: number) => Envelope): Envelope {
  const parsed = sourceSchema.safeParse(context.params)
  if (!parsed.success) {
    return failure({ status: Status.invalidParameter, message: describeFieldProblem(firstProblem(parsed.error)) }, context.language)
  }
  return handle(parsed.data.source)
}

/** The source=1 hand-off in each shape a real platform may use (options.appTokenShape). */
function webHandoff(deps: PlatformDeps, verifyToken: string): unknown {
  const verifyUrl = deps.verifyUrlFor(verifyToken)
  switch (deps.appTokenShape) {
    case 'object':
      return { verifyToken, verifyUrl }
    case 'url':
      return verifyUrl
    case 'token':
      return verifyToken
    case 'null':
      return null
  }
}

/** `/ali/appToken` and `/ali/vedioAuth`. */
export function registerLivenessRoutes(app: FastifyInstance, deps: PlatformDeps): void {
  const liveness = { store: deps.store, clock: deps.clock, verifyTokenTtlSeconds: deps.verifyTokenTtlSeconds }

  app.post('/ali/appToken', async (request) =>
    withCaller(deps.store.users, request.body, (context) =>
      withSource(context, (source) => {
        const uid = context.user.uid
        const record = deps.store.kyc.get(uid)
        const log = (envelope: Envelope) => {
          deps.store.stepLog.append(uid, {
            call: 'appToken',
            step: null,
            outcome: envelope.status === 200 ? 'accepted' : 'refused',
            status: envelope.status,
            message: envelope.message,
            at: deps.clock(),
          })
          return envelope
        }
        if (!record.identity || imageSteps.some((step) => record.images[step] === null)) return log(failure(NOT_READY, context.language))
        const token = issueVerifyToken(liveness, uid, source)
        // source=2 (app) gets the bare token for the SDK; source=1 (web) the page, in the configured shape.
        return log(success(source === 1 ? webHandoff(deps, token.verifyToken) : token.verifyToken))
      }),
    ),
  )

  app.post('/ali/vedioAuth', async (request) =>
    withCaller(deps.store.users, request.body, (context) =>
      withSource(context, () => (livenessStateOf(liveness, context.user.uid) === 'passed' ? success(null) : failure(LIVENESS_NOT_VERIFIED, context.language))),
    ),
  )
}
