import type { ImageSlot } from '../../../../shared/domain/images'

export interface FileNameMatch {
  /** The applicant reference as written in the file name (compared case-insensitively). */
  readonly reference: string
  readonly slot: ImageSlot
}

export type FileNamePattern =
  | { readonly ok: true; match(fileName: string): FileNameMatch | null }
  | { readonly ok: false; readonly problem: 'placeholders' }

/** Scanner profiles are set up by branch staff, in English or Chinese. */
const slotWords: Record<string, ImageSlot> = { front: 'front', back: 'back', hand: 'hand', 正面: 'front', 背面: 'back', 手持: 'hand' }
const slotAlternatives = Object.keys(slotWords).join('|')

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A file-name pattern such as `{ref}_{slot}` (matches `A7K3_front.jpg`, `20250601-0003_back.tif`):
 * both placeholders exactly once, any extension after. References are letters, digits and
 * hyphens, matched as short as possible so `{ref}{slot}` works without a separator. An empty
 * pattern turns automatic assignment off.
 */
export function compileFileNamePattern(pattern: string): FileNamePattern | null {
  if (pattern.trim() === '') return null
  const refs = pattern.split('{ref}').length - 1
  const slots = pattern.split('{slot}').length - 1
  if (refs !== 1 || slots !== 1) return { ok: false, problem: 'placeholders' }
  const source = pattern
    .split(/(\{ref\}|\{slot\})/)
    .map((part) => (part === '{ref}' ? '(?<ref>[A-Za-z0-9][A-Za-z0-9-]*?)' : part === '{slot}' ? `(?<slot>${slotAlternatives})` : escapeRegExp(part)))
    .join('')
  const regex = new RegExp(`^${source}(?:\\.[A-Za-z0-9]{1,5})?$`, 'i')
  return {
    ok: true,
    match(fileName) {
      const groups = regex.exec(fileName.normalize('NFC'))?.groups
      const slot = groups?.slot ? slotWords[groups.slot.toLowerCase()] : undefined
      if (!groups?.ref || !slot) return null
      return { reference: groups.ref, slot }
    },
  }
}
