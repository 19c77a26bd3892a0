import { z } from 'zod'
import { settingsSchema, type Settings } from '../../../shared/domain/settings'
import type { JsonValue } from '../db/json'
import type { SettingsRepository } from '../db/tables/settings/repository'
import { KycError } from '../errors/kyc-error'

const storageKey = 'app-settings'

export type SettingsPatch = {
  readonly [K in keyof Settings]?: Settings[K] extends readonly unknown[] ? Settings[K] : Settings[K] extends object ? Partial<Settings[K]> : Settings[K]
}

function mergePatch(current: Settings, patch: SettingsPatch): unknown {
  const out: Record<string, unknown> = { ...current }
  for (const [key, value] of Object.entries(patch)) {
    const before = out[key]
    out[key] =
      value !== null && typeof value === 'object' && !Array.isArray(value) && before !== null && typeof before === 'object'
        ? { ...before, ...value }
        : value
  }
  return out
}

/**
 * The app's settings: one validated document in the settings table, read once and kept in
 * memory. Every change is validated whole, so a stored document is always a valid one.
 */
export class SettingsService {
  private current: Settings
  private readonly listeners = new Set<(settings: Settings) => void>()

  constructor(
    private readonly repository: SettingsRepository,
    private readonly clock: () => number,
  ) {
    const stored = repository.get(storageKey, z.unknown())
    const parsed = settingsSchema.safeParse(stored ?? {})
    // A document from an older or newer version that no longer parses falls back to defaults
    // for the whole document rather than half-applying it.
    this.current = parsed.success ? parsed.data : settingsSchema.parse({})
  }

  get(): Settings {
    return this.current
  }

  update(patch: SettingsPatch): Settings {
    const next = this.preview(patch)
    this.current = next
    this.repository.set(storageKey, next as unknown as JsonValue, this.clock())
    for (const listener of this.listeners) listener(next)
    return next
  }

  /** The settings this patch would give, validated whole, without saving them (a connection test). */
  preview(patch: SettingsPatch): Settings {
    const parsed = settingsSchema.safeParse(mergePatch(this.current, patch))
    if (!parsed.success) {
      throw new KycError(
        'INVALID_INPUT',
        'Some settings are not valid',
        parsed.error.issues.map((i) => ({ field: i.path.join('.'), code: i.code, severity: 'error', message: `${i.path.join('.')}: ${i.message}` })),
      )
    }
    return parsed.data
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
