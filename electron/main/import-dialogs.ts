import type { OpenDialogOptions } from 'electron'
import type { ImportDialogPort } from '../core/intake/import-session'
import { dialogParent, type DialogModules } from './save-dialog'

/** The system open dialogs for the batch import: the manifest file, then its images folder. */
export function electronImportDialogs(electron: DialogModules): ImportDialogPort {
  const openOne = async (options: OpenDialogOptions): Promise<string | null> => {
    const parent = dialogParent(electron)
    if (!parent) return null
    const result = await electron.dialog.showOpenDialog(parent, options)
    return result.canceled ? null : (result.filePaths[0] ?? null)
  }
  const documents = () => electron.app.getPath('documents')
  return {
    imagesBesideManifest: true,
    chooseManifest: () =>
      openOne({
        defaultPath: documents(),
        filters: [
          { name: 'Manifest (CSV, Excel)', extensions: ['csv', 'xlsx'] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['openFile'],
      }),
    chooseFolder: () => openOne({ defaultPath: documents(), properties: ['openDirectory'] }),
  }
}
