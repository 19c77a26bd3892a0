import type { PrintResult, ReceiptView } from '../../../shared/contract/print'
import { trainingEnvironment } from '../../../shared/domain/environment'
import { maskedDocumentNumber, maskedName } from '../../../shared/identity/masking'
import type { PrintDocument, PrintOutput } from '../../../shared/domain/receipt'
import type { Settings } from '../../../shared/domain/settings'
import { notFound } from '../errors/kyc-error'
import type { PrintPort } from '../ports'
import type { KycStore } from '../queue/store'

export interface PrintServiceDeps {
  readonly store: KycStore
  readonly settings: () => Settings
  readonly printer: PrintPort
  readonly operatorId: () => string | null
}

const auditType = { receipt: 'receipt-printed', consent: 'consent-printed' } as const satisfies Record<PrintDocument, string>

/**
 * The customer's papers: what they show (masked here, so the window never needs the full name or
 * number for them) and the printing itself, audited with what was printed and how, never who for.
 */
export class PrintService {
  constructor(private readonly deps: PrintServiceDeps) {}

  receipt(id: string): ReceiptView {
    const summary = this.deps.store.applicants.summary(id)
    const record = this.deps.store.applicants.get(id)
    if (!summary || !record) throw notFound('applicant')
    const identity = record.stage === 'purged' ? null : record.identity
    return {
      id,
      reference: summary.reference,
      maskedName: identity ? maskedName(identity) : null,
      maskedDocumentNumber: identity ? maskedDocumentNumber(identity.documentNumber) : null,
      documentType: summary.documentType,
      status: summary.status,
      capturedAt: summary.capturedAt,
      operatorName: summary.operatorName,
      branchName: this.deps.settings().branchName,
      training: summary.environment === trainingEnvironment,
      consent: record.consent ? { version: record.consent.version, at: record.consent.at } : null,
    }
  }

  async print(request: { id: string; document: PrintDocument; output: PrintOutput }): Promise<PrintResult> {
    const summary = this.deps.store.applicants.summary(request.id)
    if (!summary) throw notFound('applicant')
    const result = await this.deps.printer.printPage({ document: request.document, applicantId: request.id, reference: summary.reference, output: request.output })
    if (result.kind === 'cancelled') return { outcome: 'cancelled', location: null }
    // The file's path may name the customer (the operator typed it): only where it went, as a kind.
    this.deps.store.events.append({
      type: auditType[request.document],
      applicantId: request.id,
      operatorId: this.deps.operatorId(),
      details: { output: request.output, outcome: result.kind },
    })
    return { outcome: result.kind, location: result.kind === 'saved' ? result.location : null }
  }
}
