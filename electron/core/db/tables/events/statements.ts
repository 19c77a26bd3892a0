/** SQL for the append-only `events` table: there is deliberately no UPDATE or DELETE here. */

const columns = `id, at, applicant_id, operator_id, type, details`

export const append = `INSERT INTO events (at, applicant_id, operator_id, type, details)
  VALUES (@at, @applicant_id, @operator_id, @type, @details)`

export const forApplicant = `SELECT ${columns} FROM events WHERE applicant_id = ? AND id > ? ORDER BY id LIMIT ?`

export const after = `SELECT ${columns} FROM events WHERE id > ? ORDER BY id LIMIT ?`

/** What the day's glance reads: a range of the time index, only the types it counts. */
const activityTypes = `('captured', 'step-done', 'step-failed', 'image-flagged')`

export const activityBetween = `SELECT at, applicant_id, type, details FROM events
  WHERE at >= ? AND at < ? AND type IN ${activityTypes} ORDER BY at, id`

export const activityOf = `SELECT at, applicant_id, type, details FROM events
  WHERE applicant_id = ? AND type IN ${activityTypes} ORDER BY id`
