/** SQL for `settings`: one JSON value per key. */

export const get = `SELECT value FROM settings WHERE key = ?`

export const set = `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`
