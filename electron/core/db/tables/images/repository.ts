import { z } from 'zod'
import { imageSlotSchema, sha256HexSchema, type ImageSlot, type Sha256Hex } from '../../../../../shared/domain/images'
import type { Db } from '../../connection'
import type { JsonValue } from '../../json'
import * as sql from './statements'

export interface ImageRow {
  readonly slot: ImageSlot
  readonly sha256: Sha256Hex
  readonly width: number
  readonly height: number
  readonly byteSize: number
  /** The intake pipeline's quality verdict, as it produced it (its own schema lives there). */
  readonly quality: JsonValue | null
  /** Why the operator kept an image the quality check rejected. */
  readonly overrideReason: string | null
  readonly storedAt: number
}

const imageRowSchema = z
  .object({
    applicant_id: z.string(),
    slot: imageSlotSchema,
    sha256: sha256HexSchema,
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    byte_size: z.number().int().positive(),
    quality: z.string().nullable(),
    override_reason: z.string().nullable(),
    stored_at: z.number().int(),
  })
  .transform(
    (r): ImageRow => ({
      slot: r.slot,
      sha256: r.sha256,
      width: r.width,
      height: r.height,
      byteSize: r.byte_size,
      // JSON.parse only ever returns JSON values, so there is nothing for a schema to check here.
      quality: r.quality === null ? null : (JSON.parse(r.quality) as JsonValue),
      overrideReason: r.override_reason,
      storedAt: r.stored_at,
    }),
  )

const referencedRow = z.object({ referenced: z.union([z.literal(0), z.literal(1)]) })

/** Prepared statements for `applicant_images`; also the reference count behind file deletion. */
export class ImagesRepository {
  private readonly s

  constructor(db: Db) {
    this.s = {
      upsert: db.prepare(sql.upsert),
      forApplicant: db.prepare(sql.forApplicant),
      isReferenced: db.prepare(sql.isReferenced),
      removeForApplicant: db.prepare(sql.removeForApplicant),
    }
  }

  upsert(applicantId: string, image: ImageRow): void {
    this.s.upsert.run({
      applicant_id: applicantId,
      slot: image.slot,
      sha256: image.sha256,
      width: image.width,
      height: image.height,
      byte_size: image.byteSize,
      quality: image.quality === null ? null : JSON.stringify(image.quality),
      override_reason: image.overrideReason,
      stored_at: image.storedAt,
    })
  }

  forApplicant(applicantId: string): ImageRow[] {
    return this.s.forApplicant.all(applicantId).map((r) => imageRowSchema.parse(r))
  }

  isReferenced(sha256: Sha256Hex): boolean {
    return referencedRow.parse(this.s.isReferenced.get(sha256)).referenced === 1
  }

  /** Returns the hashes the applicant referenced, so the caller can try to delete the files. */
  removeForApplicant(applicantId: string): Sha256Hex[] {
    const shas = this.forApplicant(applicantId).map((i) => i.sha256)
    this.s.removeForApplicant.run(applicantId)
    return shas
  }
}
