/** SQL for `applicant_steps`. `seq` is the step's position in the domain order, for sorting. */

const columns = `applicant_id, name, seq, state, attempts, next_attempt_at, error_kind, error_code, error_message, error_reason, updated_at`

export const insert = `INSERT INTO applicant_steps (applicant_id, name, seq, state, attempts, updated_at)
  VALUES (?, ?, ?, 'pending', 0, ?)`

export const forApplicant = `SELECT ${columns} FROM applicant_steps WHERE applicant_id = ? ORDER BY seq`

export const get = `SELECT ${columns} FROM applicant_steps WHERE applicant_id = ? AND name = ?`

export const getData = `SELECT data_enc FROM applicant_steps WHERE applicant_id = ? AND name = ?`

export const update = `UPDATE applicant_steps SET state = @state, attempts = @attempts, next_attempt_at = @next_attempt_at,
  error_kind = @error_kind, error_code = @error_code, error_message = @error_message, error_reason = @error_reason,
  updated_at = @updated_at
  WHERE applicant_id = @applicant_id AND name = @name`

/** Separate from `update` so a transition that carries no data cannot wipe what an earlier one stored. */
export const setData = `UPDATE applicant_steps SET data_enc = ? WHERE applicant_id = ? AND name = ?`

export const remove = `DELETE FROM applicant_steps WHERE applicant_id = ? AND name = ?`

export const running = `SELECT ${columns} FROM applicant_steps WHERE state = 'running' ORDER BY applicant_id, seq`

/** One statement for a page of applicants: the ids arrive as a JSON array. */
export const forApplicants = `SELECT ${columns} FROM applicant_steps
  WHERE applicant_id IN (SELECT value FROM json_each(?)) ORDER BY applicant_id, seq`

export const clearData = `UPDATE applicant_steps SET data_enc = NULL WHERE applicant_id = ?`

/** Applicants a person must act on: their status depends on which codes mean an expired binding. */
export const withFailedSteps = `SELECT DISTINCT applicant_id FROM applicant_steps WHERE state = 'failed'`
