/** SQL for the `applicants` table. Column lists are spelled out: `SELECT *` would drag blobs into listings. */

const summaryColumns = `a.id, a.reference, a.label, a.document_type, a.country, a.language, a.queued, a.status,
  a.due_at, a.liveness_auto, a.liveness_requested_at, a.operator_id, a.consent_version, a.consent_at, a.created_at, a.updated_at,
  a.captured_at, a.queued_at, a.purged_at, a.environment, a.binding_at`

export const insert = `INSERT INTO applicants (id, reference, label, document_type, country, language, queued, status,
  liveness_auto, operator_id, consent_version, consent_at, created_at, updated_at, captured_at, identity_enc, binding_enc, binding_at, environment)
  VALUES (@id, @reference, @label, @document_type, @country, @language, 0, @status, @liveness_auto, @operator_id,
  @consent_version, @consent_at, @created_at, @updated_at, @captured_at, @identity_enc, @binding_enc, @binding_at, @environment)`

export const get = `SELECT ${summaryColumns}, a.identity_enc, a.binding_enc FROM applicants a WHERE a.id = ?`

/** What a step change needs to know of its applicant: no blobs, nothing to decrypt. */
export const syncState = `SELECT queued, status, queued_at, liveness_auto, liveness_requested_at, purged_at, environment FROM applicants WHERE id = ?`

export const updateContent = `UPDATE applicants SET label = @label, document_type = @document_type, country = @country,
  language = @language, liveness_auto = @liveness_auto, consent_version = @consent_version, consent_at = @consent_at,
  identity_enc = @identity_enc, binding_enc = @binding_enc, binding_at = @binding_at, updated_at = @updated_at WHERE id = @id`

/** Queueing ends the draft: its half-typed form goes in the same commit. */
export const setQueued = `UPDATE applicants SET queued = 1, queued_at = @at, capture_form_enc = NULL, updated_at = @at WHERE id = @id`

export const captureForm = `SELECT capture_form_enc FROM applicants WHERE id = ?`

export const setCaptureForm = `UPDATE applicants SET capture_form_enc = ? WHERE id = ? AND queued = 0`

/** The only statement that writes `status` and `due_at`; called with values derived from the steps. */
export const setDerived = `UPDATE applicants SET status = @status, due_at = @due_at, updated_at = @updated_at WHERE id = @id`

export const setLivenessRequested = `UPDATE applicants SET liveness_requested_at = ? WHERE id = ?`

/** Purging keeps the minimal record (reference, status, dates) and drops even the masked label. */
export const markPurged = `UPDATE applicants SET identity_enc = NULL, binding_enc = NULL, capture_form_enc = NULL, binding_at = NULL, label = NULL, purged_at = @at,
  due_at = NULL, updated_at = @at WHERE id = @id`

export const remove = `DELETE FROM applicants WHERE id = ?`

/** Queued applicants that still hold their data (active, submitted or verified): the candidates for a duplicate. */
export const queuedWithDataExcept = `SELECT id, reference FROM applicants WHERE queued = 1 AND purged_at IS NULL AND id != ? ORDER BY created_at DESC`

/** Kept by triggers (migration 002), so this reads eight rows however long the history. */
export const countsByStatus = `SELECT status, n FROM applicant_status_counts`

/** Today's finished part of the sync bar: queued since a moment (the branch's midnight) and now held by the platform. */
export const doneSince = `SELECT count(*) AS n FROM applicants
  WHERE queued = 1 AND queued_at >= ? AND status IN ('submitted', 'liveness-pending', 'verified')`

/** Applicants captured in a window (the branch's day), by their status now: the day's glance. */
export const statusesCreatedBetween = `SELECT status, count(*) AS n FROM applicants WHERE created_at >= ? AND created_at < ? GROUP BY status`

/** Moves whenever a row may have changed: this connection's writes, or another connection's commits. */
export const changeVersion = `SELECT total_changes() AS changes, data_version AS version FROM pragma_data_version`

/** Only the environment in force: applicants captured for another one wait, never sent elsewhere. */
export const due = `SELECT id, due_at FROM applicants WHERE environment = ? AND due_at <= ? ORDER BY due_at, created_at LIMIT ?`

/** Rows from before environments were recorded belong to the one in force when the queue is first opened since. */
export const adoptUnassigned = `UPDATE applicants SET environment = ? WHERE environment IS NULL`

/** Still holding data in one environment: what a training clean-up removes. */
export const idsInEnvironment = `SELECT id FROM applicants WHERE environment = ? AND purged_at IS NULL ORDER BY created_at, id`

/** Queued but not yet held by the platform (queued, syncing, waiting, needs attention or a new QR): what a platform switch strands. */
export const waitingInEnvironment = `SELECT id FROM applicants WHERE environment = ? AND queued = 1 AND purged_at IS NULL
  AND status IN ('queued', 'syncing', 'waiting-retry', 'needs-attention', 'needs-new-qr') ORDER BY created_at, id`

export const setEnvironment = `UPDATE applicants SET environment = @environment, updated_at = @at WHERE id = @id`

/** Not purged, in one of the given statuses (a JSON array), binding scanned before the cutoff. */
export const countOldBindings = `SELECT count(*) AS n FROM applicants
  WHERE binding_at < @cutoff AND purged_at IS NULL AND status IN (SELECT value FROM json_each(@statuses))`

export const lastReferenceLike = `SELECT reference FROM applicants WHERE reference GLOB ? ORDER BY reference DESC LIMIT 1`

export interface ListShape {
  readonly status: boolean
  readonly search: boolean
  /** Only applicants captured in training mode. */
  readonly training: boolean
  readonly order: 'newest' | 'oldest'
}

function where(shape: ListShape): string {
  const clauses = []
  if (shape.status) clauses.push('a.status = @status')
  if (shape.training) clauses.push(`a.environment = 'training'`)
  // Searches only clear columns: the reference and the masked label.
  if (shape.search) clauses.push(`(a.reference LIKE @search ESCAPE '\\' OR a.label LIKE @search ESCAPE '\\')`)
  return clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : ''
}

export function list(shape: ListShape): string {
  const dir = shape.order === 'newest' ? 'DESC' : 'ASC'
  return `SELECT ${summaryColumns}, o.name AS operator_name FROM applicants a
    LEFT JOIN operators o ON o.id = a.operator_id ${where(shape)}
    ORDER BY a.created_at ${dir}, a.id ${dir} LIMIT @limit OFFSET @offset`
}

export const summaryById = `SELECT ${summaryColumns}, o.name AS operator_name FROM applicants a
  LEFT JOIN operators o ON o.id = a.operator_id WHERE a.id = ?`

export function count(shape: ListShape): string {
  return `SELECT count(*) AS n FROM applicants a ${where(shape)}`
}
