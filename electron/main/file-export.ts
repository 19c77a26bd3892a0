import { chmod, copyFile } from 'node:fs/promises'
import type { FileExportPort } from '../core/ports'
import { askSavePath, type DialogModules } from './save-dialog'

/** The system save dialog for a finished file (a backup): copied where the admin chose, 0600. */
export function electronFileExports(electron: DialogModules): FileExportPort {
  return {
    async exportFile({ defaultName, filters, source }) {
      const path = await askSavePath(electron, defaultName, filters)
      if (path === null) return { saved: false }
      await copyFile(source, path)
      await chmod(path, 0o600)
      return { saved: true, location: path }
    },
  }
}
