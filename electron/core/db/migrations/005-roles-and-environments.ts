import type { Migration } from '../migrate'

/**
 * Several staff at one branch, and training kept apart from live data.
 *
 * Operators: a role per operator, a PIN state (a temporary PIN an admin set
 * must be changed at the next sign-in, and works once), and sign-in failures kept on disk so a
 * restart does not clear the hold-off. The earliest operator becomes the admin: before roles,
 * whoever set the machine up was the one who could add others.
 */
const sql = `
ALTER TABLE operators ADD COLUMN role TEXT NOT NULL DEFAULT 'operator' CHECK (role IN ('admin', 'operator'));
ALTER TABLE operators ADD COLUMN pin_state TEXT NOT NULL DEFAULT 'set' CHECK (pin_state IN ('set', 'temporary', 'temporary-used'));
UPDATE operators SET role = 'admin' WHERE id = (SELECT id FROM operators ORDER BY created_at, id LIMIT 1);

-- One row per operator with failures, and one for the whole machine (subject '*').
CREATE TABLE sign_in_failures (
  subject        TEXT PRIMARY KEY,
  count          INTEGER NOT NULL CHECK (count >= 0),
  last_failed_at INTEGER NOT NULL
) STRICT;

-- The environment each applicant was captured for (see shared/domain/environment.ts). Rows from
-- before are adopted by the environment in force when the app next opens the queue.
ALTER TABLE applicants ADD COLUMN environment TEXT;
CREATE INDEX applicants_due_by_environment ON applicants (environment, due_at) WHERE due_at IS NOT NULL;
`

export const rolesAndEnvironments: Migration = {
  version: 5,
  name: '005-roles-and-environments',
  up: (db) => {
    db.exec(sql)
  },
}
