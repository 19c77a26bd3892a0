import { chmod, copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FileExportPort } from '../core/ports'
import { dialogParent, type DialogModules } from './save-dialog'

/** The system save dialog for a finished file (a backup): copied where the admin chose, 0600. */
export function electronFileExports(electron: DialogModules): FileExportPort {
  return {
    async exportFile({ defaultName, filters, source }) {
      const parent = dialogParent(electron)
      if (!parent) return { saved: false }
      const result = await electron.dialog.showSaveDialog(parent, {
        defaultPath: join(electron.app.getPath('documents'), defaultName),
        filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      })
      if (result.canceled || !result.filePath) return { saved: false }
      await copyFile(source, result.filePath)
      await chmod(result.filePath, 0o600)
      return { saved: true, location: result.filePath }
    },
  }
}
