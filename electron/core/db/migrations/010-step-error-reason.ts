import type { Migration } from '../migrate'

/**
 * A step error of ours (not the platform's message) as a code with values, JSON
 * (`{"key":…,"params":…}`), so the screen words it in the operator's language; the English
 * `error_message` stays for the log and IT. Only beside an error.
 */
const sql = `ALTER TABLE applicant_steps ADD COLUMN error_reason TEXT CHECK (error_reason IS NULL OR error_code IS NOT NULL);`

export const stepErrorReason: Migration = {
  version: 10,
  name: '010-step-error-reason',
  up: (db) => {
    db.exec(sql)
  },
}
