import { z } from 'zod'

export const createBackupRequestSchema = z
  .object({
    /** Typed twice by the admin on the screen; the core enforces the minimum length. */
    passphrase: z.string().min(1).max(1024),
  })
  .strict()

export const backupChannels = {
  /** Admin only: an encrypted backup of the queue, saved where the admin chooses (a download in browser mode). */
  'backup:create': {
    request: createBackupRequestSchema,
    response: z.object({
      saved: z.boolean(),
      fileName: z.string().nullable(),
      applicants: z.number().int().nonnegative(),
      images: z.number().int().nonnegative(),
    }),
  },
} as const
