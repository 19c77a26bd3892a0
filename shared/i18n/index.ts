import applicantStatus from './applicant-status'
import bindingIssues from './binding-issues'
import commandLine from './command-line'
import connectionTest from './connection-test'
import fields from './fields'
import identityIssues from './identity-issues'
import imageCheck from './image-check'
import importProblems from './import-problems'
import lists from './lists'
import reasons from './reasons'
import scannerInbox from './scanner-inbox'
import stepErrors from './step-errors'
import stepStates from './step-states'

export { defineMessages, type MessageTree } from './define-messages'

/**
 * The words for every code the core and the shared rules send (reasons, image checks, connection test, scanner notes, batch import,
 * identity and account-binding issues, field names, statuses, how a list is joined, sync step failures, the command line's reports), in both languages: the renderer merges these into its vue-i18n
 * messages and the command line translates with them.
 */
export const coreNamespaces = [
  reasons,
  imageCheck,
  connectionTest,
  scannerInbox,
  importProblems,
  fields,
  identityIssues,
  bindingIssues,
  applicantStatus,
  lists,
  stepErrors,
  stepStates,
  commandLine,
] as const

export const messageLocales = ['zh-CN', 'en'] as const
export type MessageLocale = (typeof messageLocales)[number]
