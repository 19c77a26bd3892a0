import type { Migration } from '../migrate'

/**
 * A counter on each applicant that moves whenever what a sync step sends may have changed: its
 * identity or binding (any content edit rewrites both blobs), its images, being queued, being
 * purged. Step changes leave it alone. The sync engine reads it in the commit that records a
 * step's outcome, which reads the applicant's row anyway, and decrypts the record again before
 * the next step only when it moved, instead of before every step. Kept by triggers, as the
 * status counts are, so no writer can forget it.
 *
 * `UPDATE OF` fires when a column is set, even to the value it had: a content edit always moves
 * the counter, which errs the safe way.
 */
const sql = `
ALTER TABLE applicants ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER applicants_revision_content AFTER UPDATE OF identity_enc, binding_enc, queued, purged_at ON applicants BEGIN
  UPDATE applicants SET revision = revision + 1 WHERE id = NEW.id;
END;

CREATE TRIGGER applicant_images_revision_insert AFTER INSERT ON applicant_images BEGIN
  UPDATE applicants SET revision = revision + 1 WHERE id = NEW.applicant_id;
END;

CREATE TRIGGER applicant_images_revision_update AFTER UPDATE ON applicant_images BEGIN
  UPDATE applicants SET revision = revision + 1 WHERE id IN (OLD.applicant_id, NEW.applicant_id);
END;

CREATE TRIGGER applicant_images_revision_delete AFTER DELETE ON applicant_images BEGIN
  UPDATE applicants SET revision = revision + 1 WHERE id = OLD.applicant_id;
END;
`

export const contentRevision: Migration = {
  version: 4,
  name: '004-content-revision',
  up: (db) => {
    db.exec(sql)
  },
}
