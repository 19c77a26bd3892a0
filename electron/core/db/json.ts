import { z } from 'zod'

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }

export const jsonValueSchema: z.ZodType<JsonValue> = z.json()
export const jsonObjectSchema: z.ZodType<JsonObject> = z.record(z.string(), jsonValueSchema)

/** JSON text from the database, validated: a column that does not parse is a bug worth a throw. */
export function parseJsonColumn<T>(text: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(text))
}
