import { z } from 'zod'
import { sha256HexSchema } from '../../../shared/domain/images'

/** The first entry inside the encrypted payload. */
export const manifestName = 'manifest.json'

export const backupManifestSchema = z
  .object({
    /** The queue's data key (base64): rows and images stay sealed under it; the new PC wraps it under its own key. */
    dataKey: z.base64().refine((s) => Buffer.from(s, 'base64').length === 32, 'must be 32 bytes'),
    keyId: z.string().regex(/^[0-9a-f]{32}$/),
    schemaVersion: z.number().int().nonnegative(),
    applicants: z.number().int().nonnegative(),
    images: z.number().int().nonnegative(),
  })
  .strict()
export type BackupManifest = z.infer<typeof backupManifestSchema>

/** The images folder inside a data folder (queue/store.ts puts the image store there). */
export const IMAGES_DIR = 'images'

/** Entry names follow the data folder's own layout, with forward slashes on every system. */
export function imageEntryName(sha: string): string {
  return `${IMAGES_DIR}/${sha.slice(0, 2)}/${sha}.bin`
}

/** The image an entry name stands for, or null for anything else (a path that climbs out, a stray name). */
export function shaOfImageEntry(name: string): z.infer<typeof sha256HexSchema> | null {
  const match = /^images\/([0-9a-f]{2})\/([0-9a-f]{64})\.bin$/.exec(name)
  if (!match || match[2]?.slice(0, 2) !== match[1]) return null
  return sha256HexSchema.parse(match[2])
}
