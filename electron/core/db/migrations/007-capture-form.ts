import type { Migration } from '../migrate'

/**
 * The capture form while it is typed, sealed under the data key, in the applicant's own row: a
 * draft lives in one place, and queueing it clears the form in the same commit. Not a content
 * column (the revision triggers ignore it): only drafts have one, and drafts are never synced.
 */
const sql = `ALTER TABLE applicants ADD COLUMN capture_form_enc BLOB;`

export const captureForm: Migration = {
  version: 7,
  name: '007-capture-form',
  up: (db) => {
    db.exec(sql)
  },
}
