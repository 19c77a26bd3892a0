import { randomInt } from 'node:crypto'
import { pinProblem, type PinProblem } from '../../../shared/domain/pin'
import { KycError } from '../errors/kyc-error'

const pinMessages: Record<PinProblem, string> = {
  length: 'The PIN must have 6 to 12 digits',
  'digits-only': 'The PIN may contain digits only',
  repeated: 'The PIN may not be one digit repeated',
  sequence: 'The PIN may not be a run of consecutive digits',
}

/** Throws INVALID_INPUT on the `field` the screen shows the reason beside. */
export function assertGoodPin(pin: string, field = 'pin'): void {
  const problem = pinProblem(pin)
  if (problem) {
    throw new KycError('INVALID_INPUT', pinMessages[problem], [{ field, code: `pin.${problem}`, severity: 'error', message: pinMessages[problem] }], {
      key: `pin.${problem}`,
    })
  }
}

/** Eight random digits that pass the PIN rules: what an admin reads out to the operator once. */
export function temporaryPin(): string {
  for (;;) {
    const pin = String(randomInt(0, 100_000_000)).padStart(8, '0')
    if (pinProblem(pin) === null) return pin
  }
}
