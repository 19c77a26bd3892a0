import { z } from 'zod'
import { settingsSchema, type Settings } from '../../../shared/domain/settings'
import type { JsonValue } from '../db/json'
import type { SettingsRepository } from '../db/tables/settings/repository'
import { KycError } from '../errors/kyc-error'

const storageKey = 'app-settings'
/** The document before the current one was written: what start-up falls back to if the current one is unreadable. */
const lastGoodKey = 'app-settings:last-good'

/**
 * How the stored settings were found at start. `recovered`: the current document did not parse
 * and the last good copy is in force. `unreadable`: neither parsed; the core then starts locked
 * (see lockedMessage) rather than on defaults, which would be training mode on a live desk.
 */
export type SettingsHealth = { readonly kind: 'ok' } | { readonly kind: 'recovered' } | { readonly kind: 'unreadable' }

/** For IT: said by every channel while the settings are unreadable. */
export const settingsUnreadableMessage =
  'kyc-desk is locked: its stored settings (and their last good copy) cannot be read, and it will not run on default settings, ' +
  'which would be training mode. IT: restore the data folder from a backup or repair the settings table, then restart. ' +
  '/ kyc-desk 已锁定：无法读取已保存的设置（及其最近一次有效副本），且不会以默认设置（即培训模式）运行。请 IT 从备份恢复数据文件夹或修复设置表后重新启动。'

type Read = { ok: true; settings: Settings } | { ok: false }

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
  readonly health: SettingsHealth
  private readonly listeners = new Set<(settings: Settings) => void>()

  constructor(
    private readonly repository: SettingsRepository,
    private readonly clock: () => number,
  ) {
    const stored = this.read(storageKey)
    if (stored === null) {
      // Nothing stored yet: a first start, on defaults.
      this.current = settingsSchema.parse({})
      this.health = { kind: 'ok' }
    } else if (stored.ok) {
      this.current = stored.settings
      this.health = { kind: 'ok' }
    } else {
      const lastGood = this.read(lastGoodKey)
      // Defaults only stand in for a locked core, which acts on none of them (create-core).
      this.current = lastGood?.ok ? lastGood.settings : settingsSchema.parse({})
      this.health = lastGood?.ok ? { kind: 'recovered' } : { kind: 'unreadable' }
    }
  }

  get(): Settings {
    return this.current
  }

  /**
   * Saves the patch. `withSave` runs inside the saving transaction (an operator's change puts its
   * audit events there): if it throws, nothing is saved, the settings in force stay, and its
   * error goes to the caller.
   */
  update(patch: SettingsPatch, withSave?: (before: Settings, next: Settings) => void): Settings {
    if (this.health.kind === 'unreadable') throw new KycError('UNAVAILABLE', settingsUnreadableMessage, undefined, { key: 'settings.unreadable' })
    const before = this.current
    const next = this.preview(patch)
    this.repository.inTransaction(() => {
      // The document in force now becomes the last good copy, in the same transaction as the new one.
      this.repository.setMany([
        [lastGoodKey, before as unknown as JsonValue],
        [storageKey, next as unknown as JsonValue],
      ], this.clock())
      withSave?.(before, next)
    })
    this.current = next
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
        { key: 'settings.invalid' },
      )
    }
    return parsed.data
  }

  /** A stored document, parsed whole: null when there is none, not ok when it is not JSON or not valid settings. */
  private read(key: string): Read | null {
    let stored: unknown
    try {
      stored = this.repository.get(key, z.unknown())
    } catch {
      return { ok: false }
    }
    if (stored === undefined) return null
    const parsed = settingsSchema.safeParse(stored)
    return parsed.success ? { ok: true, settings: parsed.data } : { ok: false }
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
