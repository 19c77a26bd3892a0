/**
 * What a scanner burst is, by content: an account binding (JSON or a kyc://bind link from the
 * customer's QR code) or an MRZ line from a swipe reader. Anything else is left to the page.
 */
export type ScanKind = 'binding' | 'mrz'

const mrzLine = /^[A-Z0-9<]{30,44}$/

function normalized(line: string): string {
  return line.normalize('NFKC').toUpperCase().replace(/\s/g, '')
}

export function looksLikeBinding(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart()
  return start.startsWith('{') || /^kyc:/i.test(start)
}

/** Whether a fast run's start may be a scan, so its keys are held back (see ScannerBurstDetector.mayClaim). */
export function mayClaimScan(prefix: string, previous: readonly string[]): boolean {
  return previous.length > 0 || looksLikeBinding(prefix) || /^[A-Z0-9<]+$/.test(normalized(prefix))
}

/** Whether the detector should take this line from the page (see ScannerBurstDetector.claims). */
export function claimsScanLine(line: string, previous: readonly string[]): boolean {
  const mrz = normalized(line)
  if (previous.length > 0) return mrzLine.test(mrz)
  // A first MRZ line always has fillers (`P<CHN…`, `I<HKG…`); a long code without one is something else.
  return looksLikeBinding(line) || (mrzLine.test(mrz) && mrz.includes('<'))
}

export function classifyScan(text: string): ScanKind {
  return looksLikeBinding(text) ? 'binding' : 'mrz'
}
