import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { imageSlots } from '../../../../../shared/domain/images'
import { cnIdCheckCharacter } from '../../../../../shared/identity'
import { manifestFields, type ManifestField } from '../fields'
import { renderCard, type CardPerson } from './card-images'

/** The rules judge expiry and ages against this date in every import test. */
export const today = '2025-06-01'

const id = (first17: string) => first17 + cnIdCheckCharacter(first17)

export interface TestApplicant {
  readonly person: CardPerson
  readonly uid: string
  readonly token: string
  readonly files: { front: string; back: string; hand: string }
}

function applicant(person: CardPerson, uid: string, key: string): TestApplicant {
  return { person, uid, token: `tk_${key}_7f3a9c`, files: { front: `${key}_front.jpg`, back: `${key}_back.jpg`, hand: `${key}_hand.jpg` } }
}

/** Fictional people with valid GB 11643 numbers and validity periods the law prescribes for their age at issue. */
export const applicants: readonly TestApplicant[] = [
  applicant(
    { surname: '李', givenName: '思远', gender: 'male', birthday: '1990-03-15', documentType: 'id_card', documentNumber: id('11010519900315123'), country: 'CHN', issueDate: '2016-04-20', expiryDate: '2036-04-20' },
    '9223372036854775807',
    'li',
  ),
  applicant(
    { surname: '陈', givenName: '雨桐', gender: 'female', birthday: '2001-11-02', documentType: 'id_card', documentNumber: id('31010420011102042'), country: 'CHN', issueDate: '2019-08-12', expiryDate: '2029-08-12', address: '上海市徐汇区漕溪北路 201 号' },
    '1200000000000000001',
    'chen',
  ),
  applicant(
    { surname: 'HARTLEY', givenName: 'OLIVIA ROSE', gender: 'female', birthday: '1988-09-21', documentType: 'passport', documentNumber: '533418207', country: 'GBR', issueDate: '2021-02-10', expiryDate: '2031-02-10' },
    '88001234',
    'hartley',
  ),
]

export type ManifestRecord = Record<ManifestField, string>

export function recordOf(a: TestApplicant): ManifestRecord {
  const p = a.person
  return {
    uid: a.uid,
    token: a.token,
    country: p.country,
    surname: p.surname,
    givenName: p.givenName,
    documentType: p.documentType,
    documentNumber: p.documentNumber,
    birthday: p.birthday,
    gender: p.gender === 'male' ? 'M' : 'F',
    isChina: p.documentType === 'id_card' && p.country === 'CHN' ? '1' : '0',
    issueDate: p.issueDate,
    expiryDate: p.expiryDate ?? '',
    longTerm: p.expiryDate === null ? '1' : '0',
    front: a.files.front,
    back: a.files.back,
    hand: a.files.hand,
  }
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)

export function csvText(rows: readonly (readonly string[])[], eol = '\r\n'): string {
  return rows.map((row) => row.map(quote).join(',')).join(eol) + eol
}

export function manifestRows(records: readonly ManifestRecord[], headers: readonly string[] = manifestFields): string[][] {
  return [[...headers], ...records.map((r) => manifestFields.map((f) => r[f]))]
}

export function writeCsv(path: string, text: string, encoding: 'utf-8' | 'utf-8-bom' | 'gb18030'): void {
  if (encoding === 'gb18030') writeFileSync(path, iconv.encode(text, 'gb18030'))
  else writeFileSync(path, (encoding === 'utf-8-bom' ? '\uFEFF' : '') + text, 'utf8')
}

export async function writeXlsx(path: string, rows: readonly (readonly (string | number | Date)[])[]): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('申请人')
  for (const row of rows) sheet.addRow([...row])
  await workbook.xlsx.writeFile(path)
}

/** A temp folder with `images/` holding each applicant's three rendered images. */
export async function imageFolder(list: readonly TestApplicant[] = applicants): Promise<{ dir: string; images: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-import-'))
  const images = join(dir, 'images')
  mkdirSync(images)
  for (const a of list) {
    for (const slot of imageSlots) writeFileSync(join(images, a.files[slot]), await renderCard(a.person, slot))
  }
  return { dir, images }
}
