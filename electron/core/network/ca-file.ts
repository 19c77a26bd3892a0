import { X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { KycError } from '../errors/kyc-error'

/** Why an extra-CA file cannot be used; the settings screen and the command line say which. */
export type CaFileProblem = 'unreadable' | 'no-certificate' | 'not-a-certificate'

export type CaFileRead = { readonly ok: true; readonly certificates: readonly string[] } | { readonly ok: false; readonly problem: CaFileProblem; readonly detail: string }

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
  if (blocks.length === 0) return { ok: false, problem: 'no-certificate', detail: 'no BEGIN CERTIFICATE block' }
  for (const [index, block] of blocks.entries()) {
    try {
      new X509Certificate(block)
    } catch (error) {
      return { ok: false, problem: 'not-a-certificate', detail: `certificate ${index + 1}: ${error instanceof Error ? error.message : String(error)}` }
    }
  }
  return { ok: true, certificates: blocks }
}

type Refusal = Extract<CaFileRead, { ok: false }>

/** The operator's words for a CA file that cannot be used, in each language. */
export function caFileProblemMessages(path: string, read: Refusal): { readonly en: string; readonly 'zh-CN': string } {
  switch (read.problem) {
    case 'unreadable':
      return { en: `The CA certificate file ${path} cannot be read (${read.detail}).`, 'zh-CN': `无法读取 CA 证书文件 ${path}（${read.detail}）。` }
    case 'no-certificate':
      return { en: `The CA certificate file ${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----).`, 'zh-CN': `CA 证书文件 ${path} 中没有 PEM 格式的证书（-----BEGIN CERTIFICATE-----）。` }
    case 'not-a-certificate':
      return { en: `The CA certificate file ${path} holds something that is not a valid certificate (${read.detail}).`, 'zh-CN': `CA 证书文件 ${path} 中有无效的证书（${read.detail}）。` }
  }
}

/** Refuses a CA file setting that cannot be used, when it is set rather than at the first request. */
export function assertCaFileUsable(path: string, language: 'en' | 'zh-CN'): void {
  if (path === '') return
  const read = readCaFile(path)
  if (read.ok) return
  const message = caFileProblemMessages(path, read)[language]
  throw new KycError('INVALID_INPUT', message, [{ field: 'network.caFile', code: `ca-file.${read.problem}`, severity: 'error', message }])
}
