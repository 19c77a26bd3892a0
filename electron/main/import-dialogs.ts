import { BrowserWindow, app, dialog, type OpenDialogOptions } from 'electron'
import type { ImportDialogPort } from '../core/intake/import-session'

async function openOne(options: OpenDialogOptions): Promise<string | null> {
  const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

/** The system open dialogs for the batch import: the manifest file, then its images folder. */
export function electronImportDialogs(): ImportDialogPort {
  return {
    chooseManifest: () =>
      openOne({
        defaultPath: app.getPath('documents'),
        filters: [
          { name: 'Manifest (CSV, Excel)', extensions: ['csv', 'xlsx'] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['openFile'],
      }),
    chooseFolder: () => openOne({ defaultPath: app.getPath('documents'), properties: ['openDirectory'] }),
  }
}
