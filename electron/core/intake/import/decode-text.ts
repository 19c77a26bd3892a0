import iconv from 'iconv-lite'

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030'

export type DecodeFailure = { code: 'manifest.utf16' } | { code: 'manifest.not-text' }

export type DecodedText = { ok: true; text: string; encoding: TextEncoding } | { ok: false; problem: DecodeFailure }

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Control characters that never belong in a manifest (tab, CR and LF do). */
const binaryCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/

/**
 * A CSV as Excel writes it: UTF-8 (with a BOM from "CSV UTF-8", without from most other tools) or
 * GB18030 (plain "CSV" on a Chinese Windows). Strict UTF-8 first, then GB18030: Chinese text in
 * GB18030 is almost never valid UTF-8, whereas charset guessers misjudge short Chinese text.
 * GB18030 maps nearly any byte sequence to something, so binary garbage is caught afterwards by
 * the control characters it decodes to.
 */
export function decodeManifestText(bytes: Uint8Array): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, problem: { code: 'manifest.utf16' } }
  }
  let decoded: { text: string; encoding: TextEncoding }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryUtf8(bytes.subarray(3))
    if (text === null) return { ok: false, problem: { code: 'manifest.not-text' } }
    decoded = { text, encoding: 'utf-8-bom' }
  } else {
    const text = tryUtf8(bytes)
    decoded = text !== null ? { text, encoding: 'utf-8' } : { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' }
  }
  if (binaryCharacters.test(decoded.text)) return { ok: false, problem: { code: 'manifest.not-text' } }
  return { ok: true, ...decoded }
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return null
  }
}
