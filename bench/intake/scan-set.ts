import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { imageSlots, type ImageSlot } from '../../shared/domain/images'
import type { IdentityData } from '../../shared/domain/identity'
import { createLimiter } from '../../electron/core/intake/image/limiter'
import type { CardPerson } from '../../electron/core/intake/import/test-fixtures/card-images'
import { identityFor } from '../../electron/core/sync/test-support/applicants'
import { renderScan } from './scan-image'

/** Generated once and kept (gitignored); bump the version when the generator changes. */
export const scansDir = join(import.meta.dirname, '..', '.data', 'scans-v2')

export const scanFile = (index: number, slot: ImageSlot) => `a${String(index).padStart(4, '0')}_${slot}.jpg`

function personOf(identity: IdentityData): CardPerson {
  return {
    surname: identity.surname,
    givenName: identity.givenName,
    gender: identity.gender,
    birthday: identity.birthday,
    documentType: identity.documentType,
    documentNumber: identity.documentNumber,
    country: identity.country,
    issueDate: identity.issueDate,
    expiryDate: identity.validity.kind === 'until' ? identity.validity.expiryDate : null,
  }
}

/** Makes sure scans for applicants 0..n-1 exist; renders the missing ones two at a time. */
export async function ensureScans(n: number, log: (line: string) => void): Promise<void> {
  mkdirSync(scansDir, { recursive: true })
  const missing = Array.from({ length: n }, (_, i) => i).flatMap((i) => imageSlots.filter((s) => !existsSync(join(scansDir, scanFile(i, s)))).map((s) => ({ i, s })))
  if (missing.length === 0) return
  log(`intake: generating ${missing.length} 12-megapixel scans into ${scansDir} (once)`)
  const limit = createLimiter(2)
  await Promise.all(
    missing.map(({ i, s }) =>
      limit(async () => {
        const jpeg = await renderScan(personOf(benchIdentity(i)), s, i * 3 + imageSlots.indexOf(s))
        // Written under a temporary name first, so an interrupted run never leaves half a scan behind.
        const path = join(scansDir, scanFile(i, s))
        writeFileSync(`${path}.part`, jpeg)
        renameSync(`${path}.part`, path)
      }),
    ),
  )
}

const GIVEN_NAME_CHARACTERS = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红'

/** GB/T resident ID validity by age at issue: 10 years from 16, 20 from 26, long-term from 46. */
function validityAt(birthday: string, issueDate: string): IdentityData['validity'] {
  const hadBirthday = issueDate.slice(5) >= birthday.slice(5)
  const age = Number(issueDate.slice(0, 4)) - Number(birthday.slice(0, 4)) - (hadBirthday ? 0 : 1)
  if (age >= 46) return { kind: 'long-term' }
  const years = age >= 26 ? 20 : 10
  return { kind: 'until', expiryDate: `${Number(issueDate.slice(0, 4)) + years}${issueDate.slice(4)}` }
}

/**
 * The sync tests' identity for this index, made to pass the import's stricter rules: a given
 * name of letters only (two characters picked by the index, so names repeat but document
 * numbers do not) and the validity period the law gives at that age.
 */
export function benchIdentity(index: number): IdentityData {
  const chars = [...GIVEN_NAME_CHARACTERS]
  const givenName = `${chars[index % chars.length] ?? '伟'}${chars[Math.floor(index / chars.length) % chars.length] ?? '芳'}`
  const base = identityFor(index)
  return { ...base, givenName, validity: validityAt(base.birthday, base.issueDate) }
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)

/** A UTF-8 CSV manifest for applicants 0..n-1 next to the scans; returns its path. */
export function writeManifest(n: number): string {
  const header = ['uid', 'token', 'country', 'surname', 'givenName', 'documentType', 'documentNumber', 'birthday', 'gender', 'isChina', 'issueDate', 'expiryDate', 'longTerm', 'front', 'back', 'hand']
  const rows = Array.from({ length: n }, (_, i) => {
    const id = benchIdentity(i)
    const until = id.validity.kind === 'until' ? id.validity.expiryDate : ''
    return [
      String(5_000_000_000_000_000_000n + BigInt(i)),
      `tk_bench_${i}`,
      id.country,
      id.surname,
      id.givenName,
      id.documentType,
      id.documentNumber,
      id.birthday,
      id.gender === 'male' ? 'M' : 'F',
      id.chineseMainland ? '1' : '0',
      id.issueDate,
      until,
      until === '' ? '1' : '0',
      ...imageSlots.map((s) => scanFile(i, s)),
    ]
  })
  const path = join(scansDir, `manifest-${n}.csv`)
  writeFileSync(path, [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n')
  return path
}

export function scanPaths(n: number): string[] {
  return Array.from({ length: n }, (_, i) => imageSlots.map((s) => join(scansDir, scanFile(i, s)))).flat()
}
