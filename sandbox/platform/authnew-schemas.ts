import { z } from 'zod'
import type { ImageStep } from '../store/kyc-records'
import { imageFieldOfStep } from '../store/kyc-records'
import { dateField, integerField, textField } from './wire-fields'

export const stepParamSchema = z.object({ step: integerField([1, 2, 3, 4], 'step') })

/** Step 1, field by field in the order the platform document lists them (the first problem is reported). */
export const step1ParamsSchema = z.object({
  country: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : 'string') })
      .regex(/^[A-Z]{3}$/, { error: 'country' }),
  ),
  firstName: textField(64),
  secondName: textField(64),
  idNumber: textField(32),
  birthday: dateField(),
  gender: integerField([1, 2], 'gender'),
  isChina: integerField([0, 1]),
  singnTime: dateField(),
  // Present on every step-1 call; the empty string is meaningful (valid for life), so it is not "missing".
  outofTime: z.string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : 'string') }),
  isAllTime: integerField([0, 1]),
  currentLocation: integerField([1, 2], 'currentLocation'),
})

export function imageStepParamsSchema(step: ImageStep) {
  return z.object({
    [imageFieldOfStep[step]]: textField(1024),
    isChina: integerField([0, 1]),
  })
}
