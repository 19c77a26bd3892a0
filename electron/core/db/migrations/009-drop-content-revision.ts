import type { Migration } from '../migrate'

/**
 * Undoes 004: the sync runner now reads the queued record afresh after every recorded step, so
 * nothing reads the counter. Measured without it, the check made no difference (bench/RESULTS.md,
 * "optimisations, one at a time"), and the triggers were one more write per content change.
 * The triggers go first: SQLite refuses to drop a column a trigger names. No index or view uses it.
 */
const sql = `
DROP TRIGGER applicants_revision_content;
DROP TRIGGER applicant_images_revision_insert;
DROP TRIGGER applicant_images_revision_update;
DROP TRIGGER applicant_images_revision_delete;
ALTER TABLE applicants DROP COLUMN revision;
`

export const dropContentRevision: Migration = {
  version: 9,
  name: '009-drop-content-revision',
  up: (db) => {
    db.exec(sql)
  },
}
