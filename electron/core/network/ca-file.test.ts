import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateSandboxCertificates } from '../../../sandbox/tls/certificates'
import { wordReason } from '../../cli/words'
import { assertCaFileUsable, caFileReason, readCaFile } from './ca-file'

const dir = mkdtempSync(join(tmpdir(), 'kyc-ca-file-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('the extra CA certificate file', () => {
  it('reads every certificate of a PEM bundle', async () => {
    const { caCert, serverCert } = await generateSandboxCertificates({ dns: ['localhost'], ips: [] })
    const read = readCaFile(file('bundle.pem', `# the bank's CAs\n${caCert}\n${serverCert}`))
    expect(read).toMatchObject({ ok: true, certificates: [expect.stringContaining('BEGIN CERTIFICATE'), expect.stringContaining('BEGIN CERTIFICATE')] })
    expect(() => assertCaFileUsable(join(dir, 'bundle.pem'))).not.toThrow()
    expect(() => assertCaFileUsable('')).not.toThrow()
  })

  it.each([
    ['missing', () => join(dir, 'missing.pem'), 'unreadable', /cannot be read \(ENOENT\)/, /无法读取/],
    ['a folder', () => dir, 'unreadable', /cannot be read \(EISDIR\)/, /无法读取/],
    ['not PEM', () => file('key.txt', 'not a certificate'), 'no-certificate', /holds no PEM certificate/, /没有 PEM 格式的证书/],
    ['a broken certificate', () => file('broken.pem', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'), 'not-a-certificate', /not a valid certificate \(certificate 1\)/, /第 1 个证书无效/],
  ])('refuses a file that is %s, as a code both languages word from the shared table', (_, path, problem, en, zh) => {
    expect(readCaFile(path())).toMatchObject({ ok: false, problem })
    const reason = { key: `settings.caFile.${problem}`, params: expect.objectContaining({ path: path() }) }
    expect(() => assertCaFileUsable(path())).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', issues: [expect.objectContaining({ field: 'network.caFile', reason })] }))
    const read = readCaFile(path())
    if (read.ok) throw new Error('read')
    expect(wordReason(caFileReason(path(), read), 'en')).toMatch(en)
    expect(wordReason(caFileReason(path(), read), 'zh-CN')).toMatch(zh)
  })
})
