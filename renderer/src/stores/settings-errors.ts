import type { z } from 'zod'
import { settingsSchema } from '../../../shared/domain/settings'

/** Why a setting is not valid, in terms the screen words in the operator's language. */
export type SettingError =
  | { key: 'min'; min: number }
  | { key: 'max'; max: number }
  | { key: 'number' | 'url' | 'https' | 'pattern' | 'invalid' | 'afterFlag' | 'origin' | 'template' | 'code' | 'timeZone' }

/** Rules the shared schema names in a refinement's `params.key` (shared/domain/settings.ts). */
const namedRules = new Set(['https', 'origin', 'template'] as const)
type NamedRule = typeof namedRules extends Set<infer K> ? K : never
const isNamedRule = (key: unknown): key is NamedRule => namedRules.has(key as NamedRule)

const urlFields = new Set(['platform.baseUrl', 'oss.endpoint'])

function toError(issue: z.core.$ZodIssue, path: string): SettingError {
  switch (issue.code) {
    case 'too_small':
      return { key: 'min', min: Number(issue.minimum) }
    case 'too_big':
      return { key: 'max', max: Number(issue.maximum) }
    case 'invalid_type':
      return { key: issue.expected === 'number' ? 'number' : 'invalid' }
    case 'invalid_format':
      return { key: urlFields.has(path) ? 'url' : 'pattern' }
    case 'invalid_union':
      return { key: urlFields.has(path) ? 'url' : 'invalid' }
    case 'invalid_key':
      return { key: 'code' }
    case 'custom':
      if (isNamedRule(issue.params?.['key'])) return { key: issue.params['key'] }
      if (path === 'retention.purgeUnfinishedAfterDays') return { key: 'afterFlag' }
      if (path === 'timeZone') return { key: 'timeZone' }
      return { key: urlFields.has(path) ? 'https' : 'invalid' }
    default:
      return { key: 'invalid' }
  }
}

/**
 * The settings schema from shared/ run on the form as it stands: the first problem per field,
 * keyed by its path (`platform.baseUrl`), the same paths main uses when it refuses a save.
 */
export function settingsFieldErrors(draft: unknown): Record<string, SettingError> {
  const parsed = settingsSchema.safeParse(draft)
  if (parsed.success) return {}
  const errors: Record<string, SettingError> = {}
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.')
    errors[path] ??= toError(issue, path)
  }
  return errors
}
