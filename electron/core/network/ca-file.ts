import { X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { ErrorReason } from '../../../shared/contract/errors'
import { KycError } from '../errors/kyc-error'

/** Why an extra-CA file cannot be used; the settings screen and the command line say which. */
export type CaFileProblem = 'unreadable' | 'no-certificate' | 'not-a-certificate'

export type CaFileRead =
  | { readonly ok: true; readonly certificates: readonly string[] }
  /** `detail` is for the log; `certificate` is which one (from 1) is not valid. */
  | { readonly ok: false; readonly problem: CaFileProblem; readonly detail: string; readonly certificate?: number }

const pemBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

/**
 * Reads a PEM file of CA certificates (a bank's TLS-inspecting proxy CA, a private platform's CA):
 * every certificate in it must parse, and there must be at least one.
 */
export function readCaFile(path: string): CaFileRead {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    return { ok: false, problem: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? String(error) }
  }
  const blocks = text.match(pemBlock) ?? []
  if (blocks.length === 0) return { ok: false, problem: 'no-certificate', detail: '-----BEGIN CERTIFICATE-----' }
  for (const [index, block] of blocks.entries()) {
    try {
      new X509Certificate(block)
    } catch (error) {
      return { ok: false, problem: 'not-a-certificate', certificate: index + 1, detail: `certificate ${index + 1}: ${error instanceof Error ? error.message : String(error)}` }
    }
  }
  return { ok: true, certificates: blocks }
}

type Refusal = Extract<CaFileRead, { ok: false }>

/** Why a CA file cannot be used, as the code the settings screen and the command line word (`reasons.settings.caFile.*`). */
export function caFileReason(path: string, read: Refusal): ErrorReason {
  // A certificate's parse error is English prose from OpenSSL: the words name which one instead.
  const params: Record<string, string | number> = read.problem === 'not-a-certificate' ? { path, certificate: read.certificate ?? 1 } : { path, detail: read.detail }
  return { key: `settings.caFile.${read.problem}`, params }
}

/** Refuses a CA file setting that cannot be used, when it is set rather than at the first request. */
export function assertCaFileUsable(path: string): void {
  if (path === '') return
  const read = readCaFile(path)
  if (read.ok) return
  // The message is for the log; the screen words the reason.
  const message = `CA file ${path}: ${read.problem} (${read.detail})`
  const reason = caFileReason(path, read)
  throw new KycError('INVALID_INPUT', message, [{ field: 'network.caFile', code: `ca-file.${read.problem}`, severity: 'error', message, reason }])
}
