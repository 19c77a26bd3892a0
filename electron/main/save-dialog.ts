import { join } from 'node:path'
import { BrowserWindow, app, dialog } from 'electron'
import type { DialogPort } from '../core/app/ui-ports'

/** The system save dialog, over the app's window, starting in Documents. */
export function electronDialogPort(): DialogPort {
  return {
    async chooseSavePath({ defaultName, filters }) {
      const options = {
        defaultPath: join(app.getPath('documents'), defaultName),
        filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
        properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
      }
      const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
  }
}
