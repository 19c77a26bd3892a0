import { z } from 'zod'
import type { SqliteDatabase } from './database'

/** Step-1 data exactly as accepted, in wire names (the sandbox is the wire). */
export const identityFieldsSchema = z.object({
  country: z.string(),
  firstName: z.string(),
  secondName: z.string(),
  idNumber: z.string(),
  birthday: z.string(),
  gender: z.number().int(),
  isChina: z.number().int(),
  singnTime: z.string(),
  outofTime: z.string(),
  isAllTime: z.number().int(),
  currentLocation: z.number().int(),
})
export type IdentityFields = z.infer<typeof identityFieldsSchema>

export const imageSteps = [2, 3, 4] as const
export type ImageStep = (typeof imageSteps)[number]

/** The wire field each image step carries. */
export const imageFieldOfStep = {
  2: 'positiveImages',
  3: 'oppositeImages',
  4: 'handImages',
} as const satisfies Record<ImageStep, string>

export interface ImageSlot {
  /** The value as the client sent it (an object key or a URL), echoed by authinfoNew. */
  value: string
  /** The object key it names in the bucket. */
  key: string
  receivedAt: number
}

export interface KycRecord {
  uid: string
  identity: IdentityFields | null
  step1At: number | null
  images: Record<ImageStep, ImageSlot | null>
  livenessPassedAt: number | null
}

interface RecordRow {
  identity_json: string | null
  step1_at: number | null
  positive_images: string | null
  positive_key: string | null
  step2_at: number | null
  opposite_images: string | null
  opposite_key: string | null
  step3_at: number | null
  hand_images: string | null
  hand_key: string | null
  step4_at: number | null
  liveness_passed_at: number | null
}

const columnsOfStep = {
  2: { value: 'positive_images', key: 'positive_key', at: 'step2_at' },
  3: { value: 'opposite_images', key: 'opposite_key', at: 'step3_at' },
  4: { value: 'hand_images', key: 'hand_key', at: 'step4_at' },
} as const satisfies Record<ImageStep, { value: keyof RecordRow; key: keyof RecordRow; at: keyof RecordRow }>

function slotFrom(row: RecordRow, step: ImageStep): ImageSlot | null {
  const columns = columnsOfStep[step]
  const value = row[columns.value]
  const key = row[columns.key]
  const at = row[columns.at]
  return value !== null && key !== null && at !== null ? { value, key, receivedAt: at } : null
}

export type KycRecordRepository = ReturnType<typeof createKycRecordRepository>

export function createKycRecordRepository(db: SqliteDatabase) {
  const select = db.prepare<[string], RecordRow>('SELECT * FROM kyc_records WHERE uid = ?')
  const ensure = db.prepare<[string, number]>('INSERT OR IGNORE INTO kyc_records (uid, updated_at) VALUES (?, ?)')
  const writeIdentity = db.prepare<[string, number, number, string]>(
    'UPDATE kyc_records SET identity_json = ?, step1_at = ?, updated_at = ? WHERE uid = ?',
  )
  const clearImages = db.prepare<[number, string]>(
    `UPDATE kyc_records SET positive_images = NULL, positive_key = NULL, step2_at = NULL,
       opposite_images = NULL, opposite_key = NULL, step3_at = NULL,
       hand_images = NULL, hand_key = NULL, step4_at = NULL, updated_at = ? WHERE uid = ?`,
  )
  const writeImage = {
    2: db.prepare<[string, string, number, number, string]>(
      'UPDATE kyc_records SET positive_images = ?, positive_key = ?, step2_at = ?, updated_at = ? WHERE uid = ?',
    ),
    3: db.prepare<[string, string, number, number, string]>(
      'UPDATE kyc_records SET opposite_images = ?, opposite_key = ?, step3_at = ?, updated_at = ? WHERE uid = ?',
    ),
    4: db.prepare<[string, string, number, number, string]>(
      'UPDATE kyc_records SET hand_images = ?, hand_key = ?, step4_at = ?, updated_at = ? WHERE uid = ?',
    ),
  }
  const passLiveness = db.prepare<[number, number, string]>(
    'UPDATE kyc_records SET liveness_passed_at = ?, updated_at = ? WHERE uid = ?',
  )

  return {
    get(uid: string): KycRecord {
      const row = select.get(uid)
      if (!row) return { uid, identity: null, step1At: null, images: { 2: null, 3: null, 4: null }, livenessPassedAt: null }
      return {
        uid,
        identity: row.identity_json === null ? null : identityFieldsSchema.parse(JSON.parse(row.identity_json)),
        step1At: row.step1_at,
        images: { 2: slotFrom(row, 2), 3: slotFrom(row, 3), 4: slotFrom(row, 4) },
        livenessPassedAt: row.liveness_passed_at,
      }
    },
    /** Stores step-1 data; `resetImages` also forgets steps 2-4 (the documented rule for a change). */
    saveIdentity(uid: string, identity: IdentityFields, now: number, resetImages: boolean): void {
      db.transaction(() => {
        ensure.run(uid, now)
        writeIdentity.run(JSON.stringify(identity), now, now, uid)
        if (resetImages) clearImages.run(now, uid)
      })()
    },
    saveImage(uid: string, step: ImageStep, slot: ImageSlot, now: number): void {
      ensure.run(uid, now)
      writeImage[step].run(slot.value, slot.key, slot.receivedAt, now, uid)
    },
    markLivenessPassed(uid: string, now: number): void {
      ensure.run(uid, now)
      passLiveness.run(now, now, uid)
    },
  }
}
