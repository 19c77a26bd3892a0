/**
 * When the live platform address changes while applicants captured for the old one still wait to
 * sync, the admin says what becomes of them: `keep` leaves them tied to the old platform (they
 * sync again if the desk is pointed back at it); `retarget` moves them to the new platform, every
 * step from the start, since nothing the old platform holds exists on the new one.
 */
export const queuedApplicantsChoices = ['keep', 'retarget'] as const
export type QueuedApplicantsChoice = (typeof queuedApplicantsChoices)[number]
