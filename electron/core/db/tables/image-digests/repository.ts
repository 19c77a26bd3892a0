import { z } from 'zod'
import type { Sha256Hex } from '../../../../../shared/domain/images'
import { withoutWaitingForDisk, type Db } from '../../connection'

const md5Row = z.object({ md5: z.string().length(24) })

/** Content-MD5 per stored image (migration 003). */
export class ImageDigestsRepository {
  private readonly s

  constructor(private readonly db: Db) {
    this.s = {
      record: db.prepare(`INSERT INTO image_digests (sha256, md5) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING`),
      md5Of: db.prepare(`SELECT md5 FROM image_digests WHERE sha256 = ?`),
      forget: db.prepare(`DELETE FROM image_digests WHERE sha256 = ?`),
    }
  }

  /**
   * Not fsynced: a digest lost in a power cut is computed again at upload, and the commit that
   * references the image (always after this) makes it durable anyway.
   */
  record(sha256: Sha256Hex, md5: string): void {
    // The durability level cannot change inside a transaction; there the transaction's own commit decides.
    if (this.db.inTransaction) this.s.record.run(sha256, md5)
    else withoutWaitingForDisk(this.db, () => this.s.record.run(sha256, md5))
  }

  md5Of(sha256: Sha256Hex): string | undefined {
    const row = this.s.md5Of.get(sha256)
    return row === undefined ? undefined : md5Row.parse(row).md5
  }

  forget(sha256: Sha256Hex): void {
    this.s.forget.run(sha256)
  }
}
