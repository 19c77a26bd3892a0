import { z } from 'zod'
import { inTransaction, type Db } from '../../connection'
import { jsonValueSchema, parseJsonColumn, type JsonValue } from '../../json'
import * as sql from './statements'

const valueRow = z.object({ value: z.string() })

/** Key/value settings. Readers pass a schema: a stored value of the wrong shape throws. */
export class SettingsRepository {
  private readonly s
  private readonly setAll: (entries: readonly (readonly [string, JsonValue])[], at: number) => void

  constructor(private readonly db: Db) {
    this.s = { get: db.prepare(sql.get), set: db.prepare(sql.set) }
    this.setAll = db.transaction((entries: readonly (readonly [string, JsonValue])[], at: number) => {
      for (const [key, value] of entries) this.set(key, value, at)
    })
  }

  get<T>(key: string, schema: z.ZodType<T>): T | undefined {
    const row = this.s.get.get(key)
    if (row === undefined) return undefined
    return schema.parse(parseJsonColumn(valueRow.parse(row).value, jsonValueSchema))
  }

  set(key: string, value: JsonValue, at: number): void {
    this.s.set.run(key, JSON.stringify(value), at)
  }

  /** Several keys in one transaction: all of them are written, or none. */
  setMany(entries: readonly (readonly [string, JsonValue])[], at: number): void {
    this.setAll(entries, at)
  }

  /** Runs `body` in one immediate transaction: a settings write and what must go with it (its audit events). */
  inTransaction<T>(body: () => T): T {
    return inTransaction(this.db, body)
  }
}
