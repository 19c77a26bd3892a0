export { ImportSession, noImportDialogs, type ImportDialogPort, type ImportSessionDeps, type UploadedFolder, type UploadedManifest } from './session'
export { previewView, resultView, rowView } from './views'
