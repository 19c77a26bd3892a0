import type { Migration } from '../migrate'

/**
 * The base64 MD5 of each stored image (OSS's Content-MD5), computed once when the image is
 * stored instead of by the sync engine before every upload. Keyed by the image's SHA-256 (its file
 * name): the content is the same for every applicant that references it.
 */
const sql = `
CREATE TABLE image_digests (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  md5    TEXT NOT NULL CHECK (length(md5) = 24)
) STRICT, WITHOUT ROWID;
`

export const imageDigests: Migration = {
  version: 3,
  name: '003-image-digests',
  up: (db) => {
    db.exec(sql)
  },
}
