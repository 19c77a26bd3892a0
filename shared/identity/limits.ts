/**
 * Field lengths, in UTF-16 code units as the domain zod schemas count them (shared/domain/identity.ts);
 * a test keeps the two in step.
 */
export const fieldLimits = {
  surname: 64,
  givenName: 64,
  documentNumber: 32,
  overrideReason: 500,
} as const
