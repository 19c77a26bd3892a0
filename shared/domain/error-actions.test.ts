import { describe, expect, it } from 'vitest'
import { actionForError, needsNewAccountQr } from './error-actions'
import { settingsSchema } from './settings'

describe('errors mapped to operator actions', () => {
  it('maps the platform, OSS and app codes of the defaults', () => {
    expect(actionForError({ kind: 'refused', code: '-1001' }, {})).toBe('rebind')
    expect(actionForError({ kind: 'invalid', code: 'RECONCILE_MISMATCH' }, {})).toBe('edit-identity')
    expect(actionForError({ kind: 'invalid', code: 'IMAGE_UNREADABLE' }, {})).toBe('replace-image')
    expect(actionForError({ kind: 'refused', code: 'AccessDenied' }, {})).toBe('call-it')
    expect(actionForError({ kind: 'invalid', code: 'VERIFY_TOKEN_MISSING' }, {})).toBe('call-it')
  })

  it('waits out any transient fault, and has no action for an unknown refusal', () => {
    expect(actionForError({ kind: 'transient', code: 'HTTP_503' }, {})).toBe('retry-later')
    expect(actionForError({ kind: 'refused', code: '-4242' }, {})).toBeNull()
  })

  it('lets IT add and override codes, including which mean a new account QR', () => {
    const overrides = settingsSchema.parse({ platform: { errorActions: { '401': 'rebind', '-1001': 'call-it' } } }).platform.errorActions
    expect(needsNewAccountQr({ kind: 'refused', code: '401' }, overrides)).toBe(true)
    expect(needsNewAccountQr({ kind: 'refused', code: '-1001' }, overrides)).toBe(false)
    expect(needsNewAccountQr({ kind: 'refused', code: '-1001' }, {})).toBe(true)
    expect(needsNewAccountQr(null, {})).toBe(false)
    expect(settingsSchema.safeParse({ platform: { errorActions: { '-1001': 'sign-in-again' } } }).success).toBe(false)
  })
})
