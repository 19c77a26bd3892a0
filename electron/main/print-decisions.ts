import type { PrintToPDFOptions, WebContentsPrintOptions } from 'electron'
import { isTrustedOrigin } from '../core/ipc/trusted-origin'
import { printViewRoute, type PrintDocument } from '../../shared/domain/receipt'
import type { PrintPageResult } from '../core/ports'

/**
 * Whether a window's page is the print view of this paper for this applicant, on the app's own
 * origin: main prints nothing else (not the queue, not the verify window, not another customer).
 */
export function isPrintViewOf(url: string, rendererOrigin: string, document: PrintDocument, applicantId: string): boolean {
  if (!isTrustedOrigin(url, [rendererOrigin])) return false
  return new URL(url).hash === `#${printViewRoute(document, applicantId)}`
}

/** The suggested PDF name: the paper and the applicant's reference, nothing personal. */
export function pdfFileName(document: PrintDocument, reference: string): string {
  const safe = reference.replace(/[^0-9A-Za-z-]/g, '') || 'applicant'
  return `kyc-desk-${document}-${safe}.pdf`
}

/** A4 with the page's own colours (the status line, the QR code); margins come from the page's `@page` rule. */
export const printOptions = { silent: false, printBackground: true, pageSize: 'A4' } as const satisfies WebContentsPrintOptions

export const pdfOptions = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true } as const satisfies PrintToPDFOptions

/**
 * Electron's print callback, as a result: the operator closing the dialog is a cancel, any other
 * failure is an error they are told about.
 */
export function printCallbackResult(success: boolean, failureReason: string): PrintPageResult {
  if (success) return { kind: 'printed' }
  if (failureReason === 'cancelled') return { kind: 'cancelled' }
  throw new Error(`printing failed: ${failureReason}`)
}
