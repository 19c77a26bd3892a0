import type { StepName } from '../../../shared/domain/steps'
import { runLivenessResult, runLivenessToken } from './liveness-steps'
import type { StepContext } from './step-context'
import type { StepResult } from '../queue/step-result'
import { runIdentity, runImageStep, runReconcile, runSts, runUpload } from './submission-steps'

/** The one place a step name meets the code that performs it. */
export function executeStep(name: StepName, ctx: StepContext): Promise<StepResult> {
  switch (name) {
    case 'sts':
      return runSts(ctx)
    case 'upload:front':
      return runUpload(ctx, 'front')
    case 'upload:back':
      return runUpload(ctx, 'back')
    case 'upload:hand':
      return runUpload(ctx, 'hand')
    case 'authnew:1':
      return runIdentity(ctx)
    case 'authnew:2':
      return runImageStep(ctx, 'front')
    case 'authnew:3':
      return runImageStep(ctx, 'back')
    case 'authnew:4':
      return runImageStep(ctx, 'hand')
    case 'reconcile':
      return runReconcile(ctx)
    case 'liveness:token':
      return runLivenessToken(ctx)
    case 'liveness:result':
      return runLivenessResult(ctx)
  }
}
