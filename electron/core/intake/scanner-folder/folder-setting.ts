import { KycError } from '../../errors/kyc-error'
import { checkScannerFolder } from './folder-policy'
import { noteReason } from './messages'

/**
 * Refuses a scanner folder at the moment it is set, with the field named, rather than letting the
 * inbox find out later: the same rule the inbox applies before it watches (folder-policy.ts).
 * An empty folder means no scanner folder and is always fine.
 */
export async function assertScannerFolderUsable(folder: string, dataDir: string): Promise<void> {
  if (folder.trim() === '') return
  const verdict = await checkScannerFolder(folder, { dataDir })
  if (verdict.ok) return
  const reason = noteReason(verdict.reason === 'missing' ? { code: 'folder-missing', folder } : { code: 'folder-refused', folder, reason: verdict.reason })
  // The message is for the log; the screen words the reason.
  const message = `scanner folder ${folder}: ${verdict.reason}`
  throw new KycError('INVALID_INPUT', message, [{ field: 'intake.scannerFolder', code: `scanner-folder.${verdict.reason}`, severity: 'error', message, reason }], reason)
}
