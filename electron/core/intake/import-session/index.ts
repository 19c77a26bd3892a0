export { ImportSession, noImportDialogs, type ImportDialogPort, type ImportSessionDeps } from './session'
export { previewView, resultView, rowView } from './views'
