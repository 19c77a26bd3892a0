/** SQL for the append-only `events` table: there is deliberately no UPDATE or DELETE here. */

const columns = `id, at, applicant_id, operator_id, type, details`

export const append = `INSERT INTO events (at, applicant_id, operator_id, type, details)
  VALUES (@at, @applicant_id, @operator_id, @type, @details)`

export const forApplicant = `SELECT ${columns} FROM events WHERE applicant_id = ? AND id > ? ORDER BY id LIMIT ?`

export const after = `SELECT ${columns} FROM events WHERE id > ? ORDER BY id LIMIT ?`
