import { EventEmitter } from 'node:events'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import Tesseract from 'tesseract.js'
import { cropMrzBand } from './mrz-band'
import { cleanMrzText, type MrzFormat } from './mrz-text'
import { classifyDecodeError } from './normalize-image'
import type { NormalizeFailure } from './types'

export type MrzReadFailure =
  | { code: 'image-unreadable'; cause: NormalizeFailure }
  | { code: 'mrz-not-found'; rawText: string }
  | { code: 'ocr-failed'; detail: string }

/**
 * Raw MRZ lines as read. Not yet trusted: the caller runs them through the MRZ parser and uses
 * them only when every check digit passes.
 */
export type MrzReadResult =
  | { ok: true; format: MrzFormat; lines: string[]; complete: boolean; rawText: string; confidence: number; bandLocated: boolean }
  | { ok: false; reason: MrzReadFailure }

export interface MrzReader {
  read(image: Buffer): Promise<MrzReadResult>
  /** Stops the OCR worker; a later read starts a new one. */
  terminate(): Promise<void>
}

/** The legacy-capable model shipped in @tesseract.js-data/eng (stored gzipped). */
export function defaultOcrLangPath(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0')
}

// The legacy engine with this whitelist reads OCR-B `<` reliably; the LSTM model misreads it.
const whitelist = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'

/**
 * One lazily started tesseract.js worker, reused across reads because start-up (loading and
 * un-gzipping ~11 MB of model) costs far more than a read. Works offline: the model is read from
 * `langPath` on disk and never cached to the working directory.
 */
export function createMrzReader(options: { langPath?: string; maxInputPixels: number }): MrzReader {
  let worker: Promise<Tesseract.Worker> | null = null

  const start = async (): Promise<Tesseract.Worker> => {
    const w = await Tesseract.createWorker('eng', Tesseract.OEM.TESSERACT_ONLY, {
      langPath: options.langPath ?? defaultOcrLangPath(),
      gzip: true,
      cacheMethod: 'none',
      // Without a handler tesseract.js rethrows a failed job inside its message listener, an
      // uncaught exception that would take the main process down; the job's promise still rejects.
      errorHandler: () => undefined,
    })
    // A crash of the worker thread (e.g. WASM out of memory) is an 'error' event with no listener
    // otherwise; drop the worker so the next read starts a fresh one.
    const thread: unknown = Reflect.get(w, 'worker')
    if (thread instanceof EventEmitter) thread.on('error', () => { worker = null })
    await w.setParameters({ tessedit_char_whitelist: whitelist, tessedit_pageseg_mode: Tesseract.PSM.SINGLE_BLOCK })
    return w
  }
  const getWorker = (): Promise<Tesseract.Worker> => {
    worker ??= start().catch((error: unknown) => {
      worker = null
      throw error
    })
    return worker
  }

  return {
    async read(image) {
      let band
      try {
        band = await cropMrzBand(image, options.maxInputPixels)
      } catch (error) {
        return { ok: false, reason: { code: 'image-unreadable', cause: classifyDecodeError(error, {}, options.maxInputPixels) } }
      }
      let text: string
      let confidence: number
      try {
        const { data } = await (await getWorker()).recognize(band.png)
        text = data.text
        confidence = data.confidence
      } catch (error) {
        return { ok: false, reason: { code: 'ocr-failed', detail: error instanceof Error ? error.message : String(error) } }
      }
      const cleaned = cleanMrzText(text)
      if (!cleaned) return { ok: false, reason: { code: 'mrz-not-found', rawText: text } }
      return { ok: true, ...cleaned, rawText: text, confidence, bandLocated: band.located }
    },
    async terminate() {
      const pending = worker
      worker = null
      if (pending) await pending.then((w) => w.terminate()).catch(() => undefined)
    },
  }
}
