import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DialogPort } from '../core/ports'
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

/** The system save dialog, over the app's window, starting in Documents; the file is written 0600. */
export function electronDialogPort(electron: DialogModules): DialogPort {
  return {
    async saveFile({ defaultName, filters, contents }) {
      const parent = dialogParent(electron)
      if (!parent) return { saved: false }
      const result = await electron.dialog.showSaveDialog(parent, {
        defaultPath: join(electron.app.getPath('documents'), defaultName),
        filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      })
      if (result.canceled || !result.filePath) return { saved: false }
      writeFileSync(result.filePath, contents(), { mode: 0o600 })
      return { saved: true, location: result.filePath }
    },
  }
}
