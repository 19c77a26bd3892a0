/** Operator PINs: 6 to 12 digits, not one repeated digit, not a straight run (123456, 987654). */
export type PinProblem = 'length' | 'digits-only' | 'repeated' | 'sequence'

export function pinProblem(pin: string): PinProblem | null {
  if (!/^\d*$/.test(pin)) return 'digits-only'
  if (pin.length < 6 || pin.length > 12) return 'length'
  if (/^(\d)\1*$/.test(pin)) return 'repeated'
  const digits = [...pin].map(Number)
  const steps = new Set(digits.slice(1).map((d, i) => (d - (digits[i] ?? 0) + 10) % 10))
  if (steps.size === 1 && (steps.has(1) || steps.has(9))) return 'sequence'
  return null
}
