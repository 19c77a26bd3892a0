import { describe, expect, it } from 'vitest'
import { appOrigin } from './app-protocol'
import { isPrintViewOf, pdfFileName, pdfOptions, printCallbackResult, printOptions } from './print-decisions'

const id = '0f3c9a7e-5b1d-4c2a-9e8f-1a2b3c4d5e6f'

describe("main's printing decisions, with the production origin", () => {
  it('prints only the print view of this paper for this applicant on app://kyc-desk', () => {
    expect(appOrigin).toBe('app://kyc-desk')
    expect(isPrintViewOf(`app://kyc-desk/index.html#/applicants/${id}/receipt`, appOrigin, 'receipt', id)).toBe(true)
    expect(isPrintViewOf(`app://kyc-desk/index.html#/applicants/${id}/consent`, appOrigin, 'consent', id)).toBe(true)
    for (const url of [
      `app://kyc-desk/index.html#/applicants/${id}/consent`,
      `app://kyc-desk/index.html#/applicants/${id}`,
      'app://kyc-desk/index.html#/queue',
      `app://kyc-desk/index.html#/applicants/another-applicant/receipt`,
      `app://kyc-desk.evil/index.html#/applicants/${id}/receipt`,
      `https://h5.verify.example/index.html#/applicants/${id}/receipt`,
      'about:blank',
    ]) {
      expect(isPrintViewOf(url, appOrigin, 'receipt', id), url).toBe(false)
    }
  })

  it('names the PDF by the paper and the reference only', () => {
    expect(pdfFileName('receipt', '20261205-0001')).toBe('kyc-desk-receipt-20261205-0001.pdf')
    expect(pdfFileName('consent', '../../x/20261205-0002')).toBe('kyc-desk-consent-x20261205-0002.pdf')
    expect(pdfFileName('receipt', '王/..')).toBe('kyc-desk-receipt-applicant.pdf')
  })

  it('prints A4 with the page\'s colours, through the system dialog', () => {
    expect(printOptions).toEqual({ silent: false, printBackground: true, pageSize: 'A4' })
    expect(pdfOptions).toEqual({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })
  })

  it("reads Electron's print callback: done, cancelled by the operator, or a failure to report", () => {
    expect(printCallbackResult(true, '')).toEqual({ kind: 'printed' })
    expect(printCallbackResult(false, 'cancelled')).toEqual({ kind: 'cancelled' })
    expect(() => printCallbackResult(false, 'failed')).toThrow('printing failed: failed')
  })
})
