import type { ErrorReason } from '../../../../shared/contract/errors'
import { failureReason, qualityReason, type NormalizeFailure, type QualityIssue } from '../image'
import type { FolderRefusal } from './folder-policy'
import type { AssignFailure, InboxNote } from './types'

type Note =
  | { code: 'auto.no-applicant'; reference: string }
  | { code: 'auto.not-draft'; reference: string }
  | { code: 'auto.quality' }
  | { code: 'auto.failed' }
  | { code: 'auto.locked' }
  | { code: 'file.unreadable'; detail: string }
  | { code: 'file.delete-failed' }
  | { code: 'file.check-failed' }
  | { code: AssignFailure }
  | { code: 'folder-missing'; folder: string }
  | { code: 'folder-refused'; folder: string; reason: Exclude<FolderRefusal, 'missing'> }
  | { code: 'file.not-regular' }
  | { code: 'pattern-invalid'; pattern: string }

/**
 * A note as the code the screens word (shared/i18n `scannerInbox.*`; the folder's own problems
 * as the settings screen words them), with its values.
 */
export function noteReason(note: Note): ErrorReason {
  switch (note.code) {
    case 'folder-missing':
      return { key: 'settings.scannerFolder.missing', params: { folder: note.folder } }
    case 'folder-refused':
      return { key: `settings.scannerFolder.${note.reason}`, params: { folder: note.folder } }
    case 'auto.no-applicant':
    case 'auto.not-draft':
      return { key: `scannerInbox.${note.code}`, params: { reference: note.reference } }
    case 'file.unreadable':
      return { key: 'scannerInbox.file.unreadable', params: { detail: note.detail } }
    case 'pattern-invalid':
      return { key: 'scannerInbox.pattern-invalid', params: { pattern: note.pattern } }
    default:
      return { key: `scannerInbox.${note.code}` }
  }
}

export function note(value: Note): InboxNote {
  return { code: value.code, reason: noteReason(value), detail: null }
}

/** A file that never became an image; the screen shows the file's name beside it. */
export function failureNote(reason: NormalizeFailure): InboxNote {
  return { code: `image.${reason.code}`, reason: failureReason(reason), detail: null }
}

/** A quality finding on a scan: the verdict says to rescan, the measurement comes second. */
export function qualityNote(issue: QualityIssue): InboxNote {
  return { code: `quality.${issue.code}`, ...qualityReason(issue, 'scanner') }
}
