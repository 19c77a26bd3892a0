import { writeFile } from 'node:fs/promises'
import { KycError } from '../core/errors/kyc-error'
import type { PrintPageResult, PrintPort } from '../core/ports'
import type { MainBrowserWindow } from './electron-modules'
import { isPrintViewOf, pdfFileName, pdfOptions, printCallbackResult, printOptions } from './print-decisions'
import { askSavePath, type DialogModules } from './save-dialog'

/**
 * The customer's papers from the window showing their print view: Electron's own print dialog,
 * or a PDF written where the operator chose (0600, as every export).
 */
export function electronPrintPort(electron: DialogModules, rendererOrigin: string): PrintPort {
  return {
    async printPage({ document, applicantId, reference, output }): Promise<PrintPageResult> {
      const window = electron.BrowserWindow.getAllWindows().find(
        (w: MainBrowserWindow) => !w.isDestroyed() && isPrintViewOf(w.webContents.getURL(), rendererOrigin, document, applicantId),
      )
      if (!window) throw new KycError('CONFLICT', 'The paper to print is not on screen; open it again and print from there', undefined, { key: 'print.viewNotShown' })
      const contents = window.webContents
      if (output === 'printer') {
        return new Promise((resolve, reject) => {
          contents.print(printOptions, (success, failureReason) => {
            try {
              resolve(printCallbackResult(success, failureReason))
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)))
            }
          })
        })
      }
      const path = await askSavePath(electron, pdfFileName(document, reference), [{ name: 'PDF', extensions: ['pdf'] }])
      if (path === null) return { kind: 'cancelled' }
      await writeFile(path, await contents.printToPDF(pdfOptions), { mode: 0o600 })
      return { kind: 'saved', location: path }
    },
  }
}
