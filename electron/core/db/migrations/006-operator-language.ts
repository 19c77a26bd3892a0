import type { Migration } from '../migrate'

/**
 * Each operator's interface language, applied when they sign in: two tellers sharing a PC may
 * read different languages. Null: the machine's language (the settings) until they choose one.
 */
const sql = `ALTER TABLE operators ADD COLUMN language TEXT CHECK (language IS NULL OR language IN ('zh-CN', 'en'));`

export const operatorLanguage: Migration = {
  version: 6,
  name: '006-operator-language',
  up: (db) => {
    db.exec(sql)
  },
}
