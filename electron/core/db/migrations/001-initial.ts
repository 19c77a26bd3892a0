import type { Migration } from '../migrate'

// Frozen once shipped: the literal lists below are the schema of version 1, deliberately not
// generated from the domain constants, so editing a constant cannot rewrite an old migration.
const statuses = `'draft','queued','syncing','waiting-retry','needs-attention','submitted','liveness-pending','verified'`
const steps = `'sts','upload:front','upload:back','upload:hand','authnew:1','authnew:2','authnew:3','authnew:4','reconcile','liveness:token','liveness:result'`

const sql = `
CREATE TABLE operators (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  pin_hash    BLOB NOT NULL,
  pin_salt    BLOB NOT NULL,
  pin_params  TEXT NOT NULL CHECK (json_valid(pin_params)),
  created_at  INTEGER NOT NULL,
  disabled_at INTEGER
) STRICT;

-- Clear columns serve listing and status queries; personal data lives only in the *_enc blobs.
CREATE TABLE applicants (
  id              TEXT PRIMARY KEY,
  reference       TEXT NOT NULL UNIQUE,
  label           TEXT,
  document_type   TEXT CHECK (document_type IN ('id_card','passport')),
  country         TEXT CHECK (country GLOB '[A-Z][A-Z][A-Z]'),
  language        TEXT CHECK (language IN ('zh_CN','en_US')),
  queued          INTEGER NOT NULL DEFAULT 0 CHECK (queued IN (0,1)),
  status          TEXT NOT NULL CHECK (status IN (${statuses})),
  due_at          INTEGER,
  liveness_auto   INTEGER NOT NULL DEFAULT 0 CHECK (liveness_auto IN (0,1)),
  -- Set while the operator (or the auto setting) wants the liveness steps run; cleared on expiry.
  liveness_requested_at INTEGER,
  operator_id     TEXT,
  consent_version TEXT,
  consent_at      INTEGER,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  captured_at     INTEGER NOT NULL,
  queued_at       INTEGER,
  purged_at       INTEGER,
  identity_enc    BLOB,
  binding_enc     BLOB,
  CHECK ((consent_version IS NULL) = (consent_at IS NULL)),
  CHECK (queued = 0 OR (consent_at IS NOT NULL AND queued_at IS NOT NULL)),
  CHECK (purged_at IS NULL OR (identity_enc IS NULL AND binding_enc IS NULL))
) STRICT;
CREATE INDEX applicants_by_created ON applicants (created_at DESC, id DESC);
CREATE INDEX applicants_by_status ON applicants (status, created_at DESC, id DESC);
CREATE INDEX applicants_due ON applicants (due_at) WHERE due_at IS NOT NULL;

CREATE TABLE applicant_images (
  applicant_id    TEXT NOT NULL REFERENCES applicants (id) ON DELETE CASCADE,
  slot            TEXT NOT NULL CHECK (slot IN ('front','back','hand')),
  sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
  width           INTEGER NOT NULL CHECK (width > 0),
  height          INTEGER NOT NULL CHECK (height > 0),
  byte_size       INTEGER NOT NULL CHECK (byte_size > 0),
  quality         TEXT CHECK (quality IS NULL OR json_valid(quality)),
  override_reason TEXT,
  stored_at       INTEGER NOT NULL,
  PRIMARY KEY (applicant_id, slot)
) STRICT, WITHOUT ROWID;
-- Reference counting: may this image file be deleted?
CREATE INDEX applicant_images_by_sha ON applicant_images (sha256);

CREATE TABLE applicant_steps (
  applicant_id    TEXT NOT NULL REFERENCES applicants (id) ON DELETE CASCADE,
  name            TEXT NOT NULL CHECK (name IN (${steps})),
  seq             INTEGER NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('pending','running','done','failed')),
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at INTEGER,
  error_kind      TEXT CHECK (error_kind IN ('transient','refused','invalid')),
  error_code      TEXT,
  error_message   TEXT,
  data_enc        BLOB,
  updated_at      INTEGER NOT NULL,
  PRIMARY KEY (applicant_id, name),
  CHECK ((error_kind IS NULL) = (error_code IS NULL) AND (error_code IS NULL) = (error_message IS NULL)),
  CHECK (state = 'pending' OR next_attempt_at IS NULL),
  CHECK (state <> 'failed' OR error_kind IN ('refused','invalid'))
) STRICT, WITHOUT ROWID;
CREATE INDEX applicant_steps_running ON applicant_steps (state) WHERE state = 'running';

-- The audit trail. No foreign keys: it outlives removed and purged applicants and operators.
-- Details are JSON without personal data (field names, step names, codes; never values).
CREATE TABLE events (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  at           INTEGER NOT NULL,
  applicant_id TEXT,
  operator_id  TEXT,
  type         TEXT NOT NULL CHECK (type GLOB '[a-z]*'),
  details      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
) STRICT;
CREATE INDEX events_by_applicant ON events (applicant_id, id) WHERE applicant_id IS NOT NULL;
CREATE INDEX events_by_time ON events (at);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL CHECK (json_valid(value)),
  updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
`

export const initial: Migration = {
  version: 1,
  name: '001-initial',
  up: (db) => {
    db.exec(sql)
  },
}
