/**
 * Writes the example import: `manifest.csv` (UTF-8 with BOM and CRLF, as Excel's "CSV UTF-8"
 * saves it) and `images/`, three JPEGs per applicant drawn from SVG. Everyone here is fictional;
 * the ID numbers carry correct GB 11643 check characters, except in row 6, which is wrong on
 * purpose (a mistyped check character and a uid with a leading zero) so the preview shows what a
 * rejected row looks like. Row 3 shows the other accepted spellings (2001/11/2, 20190812, 女, 身份证)
 * and row 4 a long-term card.
 *
 * Run from the repository root:  npx tsx resources/example-import/generate.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { imageSlots } from '../../shared/domain/images'
import { cnIdCheckCharacter } from '../../shared/identity'
import { manifestFields, type ManifestField } from '../../electron/core/intake/import/fields'
import { renderCard, type CardPerson } from '../../electron/core/intake/import/test-fixtures/card-images'

const here = dirname(fileURLToPath(import.meta.url))
const id = (first17: string) => first17 + cnIdCheckCharacter(first17)

interface Example {
  readonly key: string
  readonly uid: string
  readonly token: string
  readonly person: CardPerson
  /** Cells written differently from the person's card, to show the accepted spellings or a mistake. */
  readonly cells?: Partial<Record<ManifestField, string>>
}

const examples: Example[] = [
  {
    key: 'li-siyuan',
    uid: '9223372036854775807',
    token: 'tk_c2a9e0f4b7d14e6a',
    person: { surname: '李', givenName: '思远', gender: 'male', birthday: '1990-03-15', documentType: 'id_card', documentNumber: id('11010519900315123'), country: 'CHN', issueDate: '2016-04-20', expiryDate: '2036-04-20' },
  },
  {
    key: 'chen-yutong',
    uid: '1200000000000000001',
    token: 'tk_5f81d2c07a3b49e2',
    person: { surname: '陈', givenName: '雨桐', gender: 'female', birthday: '2001-11-02', documentType: 'id_card', documentNumber: id('31010420011102042'), country: 'CHN', issueDate: '2019-08-12', expiryDate: '2029-08-12', address: '上海市徐汇区漕溪北路 201 号' },
    // As a Chinese Excel writes date cells and as staff type the Chinese values.
    cells: { birthday: '2001/11/2', issueDate: '20190812', gender: '女', documentType: '身份证' },
  },
  {
    key: 'wang-jianguo',
    uid: '60451238',
    token: 'tk_0b7e44a19c2f4d83',
    person: { surname: '王', givenName: '建国', gender: 'male', birthday: '1962-07-09', documentType: 'id_card', documentNumber: id('44010619620709003'), country: 'CHN', issueDate: '2012-05-30', expiryDate: null, address: '广州市天河区天河路 385 号' },
  },
  {
    key: 'hartley-olivia',
    uid: '88001234',
    token: 'tk_9d3c6e2a815f4b70',
    person: { surname: 'HARTLEY', givenName: 'OLIVIA ROSE', gender: 'female', birthday: '1988-09-21', documentType: 'passport', documentNumber: '533418207', country: 'GBR', issueDate: '2021-02-10', expiryDate: '2031-02-10' },
  },
  {
    key: 'zhao-min',
    uid: '73310056',
    token: 'tk_2e6f90b1c4d84a57',
    person: { surname: '赵', givenName: '敏', gender: 'female', birthday: '1995-05-20', documentType: 'id_card', documentNumber: id('32010219950520252'), country: 'CHN', issueDate: '2018-09-03', expiryDate: '2028-09-03', address: '南京市玄武区中山路 18 号' },
    cells: { documentNumber: `${id('32010219950520252').slice(0, 17)}${id('32010219950520252').endsWith('7') ? '8' : '7'}`, uid: '073310056' },
  },
]

function cellsOf(e: Example): string[] {
  const p = e.person
  const base: Record<ManifestField, string> = {
    uid: e.uid,
    token: e.token,
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
    front: `${e.key}-front.jpg`,
    back: `${e.key}-back.jpg`,
    hand: `${e.key}-hand.jpg`,
  }
  return manifestFields.map((f) => e.cells?.[f] ?? base[f])
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)
const csv = [manifestFields, ...examples.map(cellsOf)].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n'
writeFileSync(join(here, 'manifest.csv'), `\uFEFF${csv}`, 'utf8')

mkdirSync(join(here, 'images'), { recursive: true })
for (const e of examples) {
  for (const slot of imageSlots) {
    const jpeg = await renderCard(e.person, slot)
    writeFileSync(join(here, 'images', `${e.key}-${slot}.jpg`), jpeg)
    process.stdout.write(`images/${e.key}-${slot}.jpg  ${(jpeg.length / 1024).toFixed(0)} KB\n`)
  }
}
process.stdout.write(`manifest.csv  ${examples.length} rows\n`)
