import { z } from 'zod'
import { imageSlots, sha256HexSchema, type ImageSlot, type Sha256Hex } from '../../../../../shared/domain/images'
import type { Db } from '../../connection'
import type { JsonValue } from '../../json'
import { asRow, ColumnError, int, oneOf, text, textOrNull, type Row } from '../../columns'
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

export class ImageRowError extends Error {
  override readonly name = 'ImageRowError'
}

const slots: ReadonlySet<string> = new Set(imageSlots)

/**
 * Checks and maps one `applicant_images` row by hand, as the applicant and step rows are: the
 * engine reads an applicant's images at the start of each of its runs.
 */
function parseImageRow(row: unknown): ImageRow {
  let raw: Row = {}
  try {
    raw = asRow(row)
    const quality = textOrNull(raw, 'quality')
    return {
      slot: oneOf<ImageSlot>(raw, 'slot', slots),
      sha256: sha256HexSchema.parse(text(raw, 'sha256')),
      width: int(raw, 'width', 1),
      height: int(raw, 'height', 1),
      byteSize: int(raw, 'byte_size', 1),
      // JSON.parse only ever returns JSON values, so there is nothing for a schema to check here.
      quality: quality === null ? null : (JSON.parse(quality) as JsonValue),
      overrideReason: textOrNull(raw, 'override_reason'),
      storedAt: int(raw, 'stored_at'),
    }
  } catch (error) {
    if (!(error instanceof ColumnError)) throw error
    throw new ImageRowError(`an applicant_images row does not have the expected shape (applicant ${String(raw.applicant_id)}, slot ${String(raw.slot)})`)
  }
}

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
    return this.s.forApplicant.all(applicantId).map((r) => parseImageRow(r))
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
