/** SQL for `applicant_images`: one row per applicant and slot, naming a content-addressed file. */

const columns = `applicant_id, slot, sha256, width, height, byte_size, quality, override_reason, stored_at`

export const upsert = `INSERT INTO applicant_images (${columns})
  VALUES (@applicant_id, @slot, @sha256, @width, @height, @byte_size, @quality, @override_reason, @stored_at)
  ON CONFLICT (applicant_id, slot) DO UPDATE SET sha256 = excluded.sha256, width = excluded.width,
  height = excluded.height, byte_size = excluded.byte_size, quality = excluded.quality,
  override_reason = excluded.override_reason, stored_at = excluded.stored_at`

export const forApplicant = `SELECT ${columns} FROM applicant_images WHERE applicant_id = ? ORDER BY slot`

export const isReferenced = `SELECT EXISTS (SELECT 1 FROM applicant_images WHERE sha256 = ?) AS referenced`

export const removeForApplicant = `DELETE FROM applicant_images WHERE applicant_id = ?`
