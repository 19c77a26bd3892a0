/** SQL for `operators`. Operators are disabled, never deleted: the event log names them. */

const columns = 'id, name, role, pin_state, created_at, disabled_at, language'

export const insert = `INSERT INTO operators (id, name, role, pin_state, pin_hash, pin_salt, pin_params, created_at)
  VALUES (@id, @name, @role, @pin_state, @pin_hash, @pin_salt, @pin_params, @created_at)`

export const get = `SELECT ${columns}, pin_hash, pin_salt, pin_params FROM operators WHERE id = ?`

export const getByName = `SELECT ${columns} FROM operators WHERE name = ?`

export const list = `SELECT ${columns} FROM operators ORDER BY name`

export const setPin = `UPDATE operators SET pin_hash = @pin_hash, pin_salt = @pin_salt, pin_params = @pin_params, pin_state = @pin_state WHERE id = @id`

export const setPinState = `UPDATE operators SET pin_state = ? WHERE id = ? AND pin_state = ?`

export const setLanguage = `UPDATE operators SET language = ? WHERE id = ?`

export const setRole = `UPDATE operators SET role = ? WHERE id = ?`

export const disable = `UPDATE operators SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL`

export const enable = `UPDATE operators SET disabled_at = NULL WHERE id = ? AND disabled_at IS NOT NULL`

export const countActiveAdmins = `SELECT count(*) FROM operators WHERE role = 'admin' AND disabled_at IS NULL`

export const listPlainHashes = `SELECT id, pin_hash, pin_params FROM operators WHERE json_extract(pin_params, '$.scheme') IS NULL OR json_extract(pin_params, '$.scheme') = 'plain'`

export const replaceHash = `UPDATE operators SET pin_hash = ?, pin_params = ? WHERE id = ?`

export const getFailures = `SELECT count, last_failed_at FROM sign_in_failures WHERE subject = ?`

export const putFailures = `INSERT INTO sign_in_failures (subject, count, last_failed_at) VALUES (@subject, @count, @at)
  ON CONFLICT (subject) DO UPDATE SET count = excluded.count, last_failed_at = excluded.last_failed_at`

export const clearFailures = `DELETE FROM sign_in_failures WHERE subject = ?`
