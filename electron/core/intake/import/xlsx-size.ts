import JSZip from 'jszip'

/**
 * Caps on what an .xlsx may inflate to. A 20,000-row manifest's sheet is a few tens of MiB of
 * XML; a zip bomb of a few KiB claims gigabytes. The ratio is the whole file's: worksheets
 * compress ten- to thirtyfold, a bomb a thousandfold.
 */
export interface XlsxSizeLimits {
  readonly maxEntries: number
  readonly maxEntryBytes: number
  readonly maxTotalBytes: number
  readonly maxRatio: number
}

export const defaultXlsxSizeLimits: XlsxSizeLimits = { maxEntries: 2_000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 128 * 1024 * 1024, maxRatio: 200 }

/** Below this, no ratio is suspicious (a tiny workbook of empty cells compresses well). */
const ratioFloorBytes = 1024 * 1024

export type XlsxSizeProblem =
  | { code: 'manifest.xlsx-too-many-parts'; entries: number; maxEntries: number }
  | { code: 'manifest.xlsx-inflates-too-much'; part: string; limit: 'part' | 'total' | 'ratio'; maxBytes: number }

type Verdict = { ok: true } | { ok: false; problem: XlsxSizeProblem } | { ok: false; problem: { code: 'manifest.xlsx-unreadable' } }

/** Inflates one part, counting as it goes, and stops at the first chunk past a cap. */
function measure(entry: JSZip.JSZipObject, before: number, zipBytes: number, limits: XlsxSizeLimits): Promise<{ bytes: number } | { over: 'part' | 'total' | 'ratio' }> {
  return new Promise((resolve, reject) => {
    let bytes = 0
    const stream = entry.nodeStream('nodebuffer')
    stream
      .on('data', (chunk: Buffer) => {
        bytes += chunk.length
        const total = before + bytes
        const over =
          bytes > limits.maxEntryBytes ? 'part' : total > limits.maxTotalBytes ? 'total' : total > ratioFloorBytes && total / zipBytes > limits.maxRatio ? 'ratio' : null
        if (over) {
          stream.pause()
          resolve({ over })
        }
      })
      .on('error', reject)
      .on('end', () => resolve({ bytes }))
  })
}

/**
 * Reads the workbook's central directory (with jszip, the reader exceljs itself uses) and
 * inflates each part once with a running count, before exceljs inflates them all into memory.
 * A part that inflates past a cap stops the count at that chunk, so a zip bomb costs main one
 * chunk of memory, not gigabytes.
 */
export async function checkXlsxSize(bytes: Buffer, limits: XlsxSizeLimits = defaultXlsxSizeLimits): Promise<Verdict> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    return { ok: false, problem: { code: 'manifest.xlsx-unreadable' } }
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir)
  if (entries.length > limits.maxEntries) return { ok: false, problem: { code: 'manifest.xlsx-too-many-parts', entries: entries.length, maxEntries: limits.maxEntries } }
  let total = 0
  for (const entry of entries) {
    let measured
    try {
      measured = await measure(entry, total, bytes.length, limits)
    } catch {
      return { ok: false, problem: { code: 'manifest.xlsx-unreadable' } }
    }
    if ('over' in measured) {
      const maxBytes = measured.over === 'part' ? limits.maxEntryBytes : measured.over === 'total' ? limits.maxTotalBytes : bytes.length * limits.maxRatio
      return { ok: false, problem: { code: 'manifest.xlsx-inflates-too-much', part: entry.name, limit: measured.over, maxBytes } }
    }
    total += measured.bytes
  }
  return { ok: true }
}
