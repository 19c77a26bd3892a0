import { formatTime } from '../format/time'
import type { ApplicantStatus } from './status'

/** The two papers printed for the customer at the counter. */
export const printDocuments = ['receipt', 'consent'] as const
export type PrintDocument = (typeof printDocuments)[number]

/** On paper, or a PDF file the operator chooses where to keep. */
export const printOutputs = ['printer', 'pdf'] as const
export type PrintOutput = (typeof printOutputs)[number]

/**
 * The renderer's route of a print view. Main prints only a window showing exactly this route for
 * the applicant asked about, so a click never prints the queue or another customer's paper.
 */
export function printViewRoute(document: PrintDocument, applicantId: string): string {
  return `/applicants/${applicantId}/${document}`
}

/** What the receipt tells the customer happens next: one line per stage a customer can follow. */
export const receiptNextSteps = ['incomplete', 'queued', 'refused', 'submitted', 'face-check', 'verified'] as const
export type ReceiptNextStep = (typeof receiptNextSteps)[number]

const nextStepByStatus = {
  draft: 'incomplete',
  queued: 'queued',
  syncing: 'queued',
  'waiting-retry': 'queued',
  'needs-attention': 'refused',
  'needs-new-qr': 'refused',
  submitted: 'submitted',
  'liveness-pending': 'face-check',
  verified: 'verified',
} as const satisfies Record<ApplicantStatus, ReceiptNextStep>

/**
 * The customer's view of the applicant's status: a retry or a sync in flight is still "we will
 * send it", and a new account QR is one of the refusals the branch will call about.
 */
export function receiptNextStep(status: ApplicantStatus): ReceiptNextStep {
  return nextStepByStatus[status]
}

/**
 * A time on the customer's papers, in the branch's zone: digits both languages read the same
 * (`2026/12/05 10:31:11`), so the bilingual page prints it once.
 */
export function paperTime(ms: number, timeZone: string): string {
  return formatTime(ms, { locale: 'zh-CN', timeZone, style: 'full' })
}
