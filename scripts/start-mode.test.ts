import { describe, expect, it } from 'vitest'
import { browserModeLine, electronBlocker } from './start-mode'

const installed = { binary: true, sqlite: true }

describe('npm start: desktop app or browser mode', () => {
  it('runs Electron where it is installed and there is a display', () => {
    expect(electronBlocker('linux', { DISPLAY: ':0' }, installed)).toBeNull()
    expect(electronBlocker('linux', { WAYLAND_DISPLAY: 'wayland-0' }, installed)).toBeNull()
    expect(electronBlocker('darwin', {}, installed)).toBeNull()
    expect(electronBlocker('win32', {}, installed)).toBeNull()
  })

  it('falls back on Linux without a display, before trying any download', () => {
    expect(electronBlocker('linux', {}, installed)).toMatch(/DISPLAY and WAYLAND_DISPLAY are unset/)
  })

  it('falls back when the binary or its better-sqlite3 build is missing', () => {
    expect(electronBlocker('darwin', {}, { binary: false, sqlite: true })).toMatch(/Electron binary is not installed/)
    expect(electronBlocker('linux', { DISPLAY: ':0' }, { binary: true, sqlite: false })).toMatch(/better-sqlite3 for Electron/)
  })

  it('says in one line why and where', () => {
    const line = browserModeLine('no display', 'http://127.0.0.1:5000/?token=x')
    expect(line).not.toContain('\n')
    expect(line).toMatch(/no display.*browser.*http:\/\/127\.0\.0\.1:5000\/\?token=x$/)
  })
})
