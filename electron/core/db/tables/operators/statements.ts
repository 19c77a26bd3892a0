/** SQL for `operators`. Operators are disabled, never deleted: the event log names them. */

export const insert = `INSERT INTO operators (id, name, pin_hash, pin_salt, pin_params, created_at)
  VALUES (@id, @name, @pin_hash, @pin_salt, @pin_params, @created_at)`

export const get = `SELECT id, name, pin_hash, pin_salt, pin_params, created_at, disabled_at FROM operators WHERE id = ?`

export const list = `SELECT id, name, created_at, disabled_at FROM operators ORDER BY name`

export const setPin = `UPDATE operators SET pin_hash = ?, pin_salt = ?, pin_params = ? WHERE id = ?`

export const disable = `UPDATE operators SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL`
