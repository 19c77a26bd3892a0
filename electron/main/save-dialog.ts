import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DialogPort, SaveFileFilter } from '../core/ports'
import type { MainApp, MainBrowserWindowClass, MainDialog } from './electron-modules'

export interface DialogModules {
  readonly app: Pick<MainApp, 'getPath'>
  readonly BrowserWindow: Pick<MainBrowserWindowClass, 'getFocusedWindow' | 'getAllWindows'>
  readonly dialog: MainDialog
}

/** The window a dialog is modal to: the focused one, else the main window. */
export function dialogParent(electron: DialogModules) {
  return electron.BrowserWindow.getFocusedWindow() ?? electron.BrowserWindow.getAllWindows()[0] ?? null
}

/** Asks where to save, over the app's window, starting in Documents; null when cancelled. */
export async function askSavePath(electron: DialogModules, defaultName: string, filters: readonly SaveFileFilter[]): Promise<string | null> {
  const parent = dialogParent(electron)
  if (!parent) return null
  const result = await electron.dialog.showSaveDialog(parent, {
    defaultPath: join(electron.app.getPath('documents'), defaultName),
    filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  })
  return result.canceled || !result.filePath ? null : result.filePath
}

/** The system save dialog for a file the core wrote in memory; the file is written 0600. */
export function electronDialogPort(electron: DialogModules): DialogPort {
  return {
    async saveFile({ defaultName, filters, contents }) {
      const path = await askSavePath(electron, defaultName, filters)
      if (path === null) return { saved: false }
      writeFileSync(path, contents(), { mode: 0o600 })
      return { saved: true, location: path }
    },
  }
}
