import { chinaToday } from '../common/clock'
import type { Clock } from '../common/clock'
import type { IdentityFields, ImageStep, KycRecord } from '../store/kyc-records'
import { imageFieldOfStep, imageSteps } from '../store/kyc-records'
import type { SandboxStore } from '../store/sandbox-store'
import type { ParamBag } from './request-body'
import { imageStepParamsSchema, step1ParamsSchema, stepParamSchema } from './authnew-schemas'
import type { FieldProblem } from './field-messages'
import { describeFieldProblem, firstProblem } from './field-messages'
import { findIdentityProblem } from './identity-rules'
import { checkImageReference, uploadPrefixOf } from './image-reference'
import type { Refusal } from './status-codes'
import { Status, refusal } from './status-codes'

export interface AuthnewDeps {
  store: SandboxStore
  bucket: string
  clock: Clock
}

export type AuthnewResult =
  | { step: number | null; outcome: 'accepted' | 'unchanged' | 'reset' }
  | { step: number | null; outcome: 'refused'; refusal: Refusal }

function invalid(problem: FieldProblem): Refusal {
  const message = describeFieldProblem(problem)
  return { status: Status.invalidParameter, message }
}

const LOCKED = refusal(
  Status.recordLocked,
  '实人认证已通过，认证资料不可再修改',
  'Real-person verification has passed: the verification data can no longer be changed',
)

/**
 * `/user/authnew`, steps 1-4. Re-sending a step with the same data succeeds and changes nothing.
 * A changed step 1 after steps 2-4 replaces the identity and clears steps 2-4 (they must be sent
 * again) and any pending face check; once the face check has passed, nothing can change.
 */
export function submitAuthnew(deps: AuthnewDeps, uid: string, params: ParamBag): AuthnewResult {
  const stepParam = stepParamSchema.safeParse(params)
  if (!stepParam.success) return { step: null, outcome: 'refused', refusal: invalid(firstProblem(stepParam.error)) }
  const step = stepParam.data.step
  const record = deps.store.kyc.get(uid)
  return step === 1 ? submitIdentity(deps, record, params) : submitImage(deps, record, step as ImageStep, params)
}

function submitIdentity(deps: AuthnewDeps, record: KycRecord, params: ParamBag): AuthnewResult {
  const parsed = step1ParamsSchema.safeParse(params)
  if (!parsed.success) return { step: 1, outcome: 'refused', refusal: invalid(firstProblem(parsed.error)) }
  const identity: IdentityFields = parsed.data
  const now = deps.clock()
  const problem = findIdentityProblem(identity, chinaToday(now))
  if (problem) return { step: 1, outcome: 'refused', refusal: invalid(problem) }

  if (record.identity && sameIdentity(record.identity, identity)) return { step: 1, outcome: 'unchanged' }
  if (record.livenessPassedAt !== null) return { step: 1, outcome: 'refused', refusal: LOCKED }

  const laterStepsReceived = imageSteps.some((step) => record.images[step] !== null)
  deps.store.kyc.saveIdentity(record.uid, identity, now, laterStepsReceived)
  if (record.identity) deps.store.liveness.supersedePending(record.uid)
  return { step: 1, outcome: laterStepsReceived ? 'reset' : 'accepted' }
}

function sameIdentity(a: IdentityFields, b: IdentityFields): boolean {
  return (Object.keys(a) as (keyof IdentityFields)[]).every((field) => a[field] === b[field])
}

function submitImage(deps: AuthnewDeps, record: KycRecord, step: ImageStep, params: ParamBag): AuthnewResult {
  const field = imageFieldOfStep[step]
  const parsed = imageStepParamsSchema(step).safeParse(params)
  if (!parsed.success) return { step, outcome: 'refused', refusal: invalid(firstProblem(parsed.error)) }
  const value = String(parsed.data[field])
  const isChina = Number(parsed.data['isChina'])

  const previousDone = step === 2 ? record.identity !== null : record.images[(step - 1) as ImageStep] !== null
  if (!previousDone || !record.identity) {
    return {
      step,
      outcome: 'refused',
      refusal: refusal(
        Status.stepOutOfOrder,
        `请先完成第 ${step - 1} 步，再提交第 ${step} 步`,
        `Step ${step - 1} must be completed before step ${step}`,
      ),
    }
  }
  if (isChina !== record.identity.isChina) {
    return { step, outcome: 'refused', refusal: invalid({ field: 'isChina', rule: `isChinaMismatch:${record.identity.isChina}` }) }
  }

  const image = checkImageReference(value, record.uid, deps.bucket, deps.store.objects)
  if (!image.ok) return { step, outcome: 'refused', refusal: imageRefusal(field, image.problem, record.uid, image.key) }
  const duplicate = imageSteps.find((other) => other !== step && record.images[other]?.key === image.key)
  if (duplicate !== undefined) {
    return { step, outcome: 'refused', refusal: invalid({ field, rule: `duplicateImage:${imageFieldOfStep[duplicate]}` }) }
  }

  const current = record.images[step]
  if (current && current.value === value) return { step, outcome: 'unchanged' }
  if (record.livenessPassedAt !== null) return { step, outcome: 'refused', refusal: LOCKED }
  const now = deps.clock()
  deps.store.kyc.saveImage(record.uid, step, { value, key: image.key, receivedAt: now }, now)
  return { step, outcome: 'accepted' }
}

function imageRefusal(field: string, problem: 'reference' | 'outsidePrefix' | 'missing', uid: string, key?: string): Refusal {
  if (problem === 'reference') return invalid({ field, rule: 'imageReference' })
  if (problem === 'outsidePrefix') {
    return refusal(
      Status.imageNotFound,
      `${field} 指向的对象 ${key ?? ''} 不在该用户的上传目录 ${uploadPrefixOf(uid)} 下`,
      `${field} names object ${key ?? ''}, which is outside this user's upload prefix ${uploadPrefixOf(uid)}`,
    )
  }
  return refusal(
    Status.imageNotFound,
    `${field} 指向的图片 ${key ?? ''} 在存储桶中不存在，请先上传`,
    `${field} names image ${key ?? ''}, which does not exist in the bucket: upload it first`,
  )
}
