import { isDeepStrictEqual } from 'node:util'
import { isSecretSetting } from '../../../shared/domain/settings-access'
import type { Settings } from '../../../shared/domain/settings'
import type { JsonValue } from '../db/json'

/** One changed field, as the audit log keeps it. */
export interface SettingChange {
  readonly field: string
  readonly from: JsonValue
  readonly to: JsonValue
}

type Leaf = string | number | boolean | readonly number[] | undefined

function leaves(value: object, prefix = ''): Map<string, Leaf> {
  const out = new Map<string, Leaf>()
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
      for (const [p, v] of leaves(inner as object, path)) out.set(p, v)
    } else {
      out.set(path, inner as Leaf)
    }
  }
  return out
}

/** A URL as the audit log shows it: scheme, host and path, never credentials or a query. */
function auditValue(field: string, value: Leaf): JsonValue {
  if (value === undefined) return null
  if (isSecretSetting(field)) return '(hidden)'
  if (typeof value === 'string' && URL.canParse(value) && /^https?:/i.test(value)) {
    const url = new URL(value)
    return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`
  }
  return Array.isArray(value) ? [...value] : (value as JsonValue)
}

/** Every field that differs between two settings documents, with its old and new value. */
export function settingChanges(before: Settings, after: Settings): SettingChange[] {
  const old = leaves(before)
  const next = leaves(after)
  const fields = [...new Set([...old.keys(), ...next.keys()])].sort()
  return fields
    .filter((field) => !isDeepStrictEqual(old.get(field), next.get(field)))
    .map((field) => ({ field, from: auditValue(field, old.get(field)), to: auditValue(field, next.get(field)) }))
}
