import { join } from 'node:path'
import type { DialogPort } from '../core/app/ui-ports'
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

/** The system save dialog, over the app's window, starting in Documents. */
export function electronDialogPort(electron: DialogModules): DialogPort {
  return {
    async chooseSavePath({ defaultName, filters }) {
      const parent = dialogParent(electron)
      if (!parent) return null
      const result = await electron.dialog.showSaveDialog(parent, {
        defaultPath: join(electron.app.getPath('documents'), defaultName),
        filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      })
      return result.canceled || !result.filePath ? null : result.filePath
    },
  }
}
