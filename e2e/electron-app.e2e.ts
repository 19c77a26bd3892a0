import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

const root = join(import.meta.dirname, '..')

/** Electron 45 downloads its binary on first use; here we only look, never download. */
function electronBinary(): string | null {
  const dir = join(root, 'node_modules/electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
const runtime = join(root, '.electron-runtime')
const skipReason =
  'Electron binary or its better-sqlite3 build is not installed on this machine (both download from GitHub); the browser-harness tests cover the renderer and core, this one runs where Electron is present'
const present = binary !== null && existsSync(runtime)

test.describe('the packaged shape under real Electron (only where the Electron binary is installed)', () => {
  test('starts in training mode, sandboxed, and asks for the first operator', async () => {
    if (!present) {
      // Said on the terminal, not only in the report, so a skipped Electron run is never silent.
      console.log(`SKIPPED: ${skipReason}`)
      test.skip(true, skipReason)
    }
    const userData = mkdtempSync(join(tmpdir(), 'kyc-electron-'))
    const app = await electron.launch({ executablePath: binary ?? undefined, args: [root, `--user-data-dir=${userData}`], cwd: root })
    try {
      const window = await app.firstWindow()
      await expect(window.getByTestId('first-run')).toBeVisible()
      await expect(window.getByTestId('training-banner')).toBeVisible()
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
      expect(window.url()).toMatch(/^app:\/\/kyc-desk\//)
    } finally {
      await app.close()
      rmSync(userData, { recursive: true, force: true })
    }
  })
})
