import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SaveDialogOptions, SaveDialogReturnValue } from 'electron'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DialogParent, MainBrowserWindow, MainDialog } from './electron-modules'
import { electronFileExports } from './file-export'
import { askSavePath, electronDialogPort, type DialogModules } from './save-dialog'
import { createFakeElectron } from './test-support/fake-electron'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-save-dialog-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

interface Asked {
  readonly parent: DialogParent
  readonly options: SaveDialogOptions
}

/**
 * Main's save dialogs over typed fakes of Electron's app, windows and dialog: `answer` is what the
 * operator does in the dialog, `focused` which window has focus (null: none).
 */
function modules(answer: SaveDialogReturnValue, focus: 'main' | 'verify' | null = 'main', windows = 2) {
  const fake = createFakeElectron({ isPackaged: true, appPath: join(dir, 'app'), userData: join(dir, 'user'), documents: join(dir, 'Documents') })
  const opened: MainBrowserWindow[] = Array.from({ length: windows }, () => new fake.electron.BrowserWindow({}))
  const asked: Asked[] = []
  const dialog: MainDialog = {
    ...fake.electron.dialog,
    showSaveDialog: (parent, options) => {
      asked.push({ parent, options })
      return Promise.resolve(answer)
    },
  }
  const electron: DialogModules = {
    app: fake.app,
    BrowserWindow: {
      getAllWindows: () => fake.electron.BrowserWindow.getAllWindows(),
      getFocusedWindow: () => (focus === 'main' ? (opened[0] ?? null) : focus === 'verify' ? (opened[1] ?? null) : null),
    },
    dialog,
  }
  return { electron, asked, opened }
}

const csv = [{ name: 'CSV', extensions: ['csv'] }] as const

describe('askSavePath', () => {
  it('asks over the focused window, in Documents, with the file name, the filters, and overwrite confirmation', async () => {
    const chosen = join(dir, 'status.csv')
    const { electron, asked, opened } = modules({ canceled: false, filePath: chosen }, 'verify')
    expect(await askSavePath(electron, 'kyc-desk-status-20260106-013000.csv', csv)).toBe(chosen)
    expect(asked).toHaveLength(1)
    expect(asked[0]?.parent).toBe(opened[1])
    expect(asked[0]?.options).toEqual({
      defaultPath: join(dir, 'Documents', 'kyc-desk-status-20260106-013000.csv'),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    })
  })

  it('falls back to the main window when none has focus, and asks nothing when there is no window', async () => {
    const unfocused = modules({ canceled: false, filePath: join(dir, 'a.csv') }, null)
    await askSavePath(unfocused.electron, 'a.csv', csv)
    expect(unfocused.asked[0]?.parent).toBe(unfocused.opened[0])
    const windowless = modules({ canceled: false, filePath: join(dir, 'a.csv') }, null, 0)
    expect(await askSavePath(windowless.electron, 'a.csv', csv)).toBeNull()
    expect(windowless.asked).toEqual([])
  })

  it('is null when the operator cancels, or the dialog returns no path', async () => {
    expect(await askSavePath(modules({ canceled: true, filePath: join(dir, 'x.csv') }).electron, 'x.csv', csv)).toBeNull()
    expect(await askSavePath(modules({ canceled: false, filePath: '' }).electron, 'x.csv', csv)).toBeNull()
  })
})

describe('the save ports', () => {
  it('writes a report where the operator chose, readable by them only, and makes it only then', async () => {
    const chosen = join(dir, 'audit.csv')
    let made = 0
    const contents = () => (made++, 'when,who\n')
    expect(await electronDialogPort(modules({ canceled: true, filePath: '' }).electron).saveFile({ defaultName: 'audit.csv', filters: csv, contents })).toEqual({ saved: false })
    expect(made).toBe(0)
    const saved = await electronDialogPort(modules({ canceled: false, filePath: chosen }).electron).saveFile({ defaultName: 'audit.csv', filters: csv, contents })
    expect(saved).toEqual({ saved: true, location: chosen })
    expect(readFileSync(chosen, 'utf8')).toBe('when,who\n')
    expect(statSync(chosen).mode & 0o777).toBe(0o600)
  })

  it('copies a finished backup where the admin chose, readable by them only; a cancel copies nothing', async () => {
    const source = join(dir, '.outgoing-1.kdbackup')
    writeFileSync(source, 'ciphertext', { mode: 0o644 })
    const filters = [{ name: 'kyc-desk backup', extensions: ['kdbackup'] }]
    const chosen = join(dir, 'branch.kdbackup')
    expect(await electronFileExports(modules({ canceled: true, filePath: '' }).electron).exportFile({ defaultName: 'b.kdbackup', filters, source })).toEqual({ saved: false })
    expect(existsSync(chosen)).toBe(false)
    const saved = await electronFileExports(modules({ canceled: false, filePath: chosen }).electron).exportFile({ defaultName: 'b.kdbackup', filters, source })
    expect(saved).toEqual({ saved: true, location: chosen })
    expect(readFileSync(chosen, 'utf8')).toBe('ciphertext')
    expect(statSync(chosen).mode & 0o777).toBe(0o600)
  })
})
