import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manifestFields } from './fields'
import { openHarness, ready, type ImportHarness } from './test-fixtures/harness'
import { applicants, csvText, imageFolder, manifestRows, recordOf, today } from './test-fixtures/manifests'
import { zipBomb } from './test-fixtures/zip-bomb'
import { manifestWords, problemWords } from './test-fixtures/words'

let folder: { dir: string; images: string }
let h: ImportHarness
beforeAll(async () => {
  folder = await imageFolder(applicants.slice(0, 1))
  h = await openHarness()
})
afterAll(() => h.close())

const header = manifestFields.join(',')
const good = manifestRows([recordOf(applicants[0]!)])[1]!.join(',')

async function previewBytes(name: string, bytes: Buffer | string) {
  const path = join(folder.dir, name)
  writeFileSync(path, bytes)
  return h.importer.preview(path, folder.images, { today })
}

async function refusal(name: string, bytes: Buffer | string) {
  const preview = await previewBytes(name, bytes)
  if (preview.ok) throw new Error('expected the manifest refused')
  expect(manifestWords(preview.problem, 'en').length).toBeGreaterThan(10)
  expect(manifestWords(preview.problem, 'zh-CN').length).toBeGreaterThan(4)
  expect(manifestWords(preview.problem, 'zh-CN')).not.toContain('importProblem')
  return preview.problem
}

describe('a manifest that cannot be read gives a clear message, never a crash', () => {
  it('an unterminated quote, naming the line it opened on', async () => {
    const problem = await refusal('quote.csv', `${header}\r\n${good}\r\n"李,思远\r\n`)
    expect(problem.code).toBe('csv.unterminated-quote')
    expect(manifestWords(problem, 'en')).toMatch(/^line 3: a quoted cell is never closed/)
  })

  it('stray quotes, with line and column', async () => {
    expect(manifestWords(await refusal('stray.csv', `${header}\r\nab"c${good}\r\n`), 'en')).toMatch(/^line 2, column 3:/)
  })

  it('an empty file, a header without rows, whitespace only', async () => {
    expect((await refusal('empty.csv', '')).code).toBe('manifest.empty')
    expect((await refusal('blank.csv', '\r\n  \r\n')).code).toBe('manifest.empty')
    expect((await refusal('header.csv', `${header}\r\n,,,\r\n`)).code).toBe('manifest.no-rows')
  })

  it('binary garbage, UTF-16 text, an old .xls and a damaged .xlsx', async () => {
    expect((await refusal('garbage.csv', randomBytes(4096))).code).toBe('manifest.not-text')
    expect((await refusal('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}\r\n`, 'utf16le')]))).code).toBe('manifest.utf16')
    expect((await refusal('old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(512)]))).code).toBe('manifest.xls')
    expect((await refusal('broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(512)]))).code).toBe('manifest.xlsx-unreadable')
  })

  it('missing columns, named in both languages', async () => {
    const problem = await refusal('columns.csv', 'uid,token,surname\r\n1,t,李\r\n')
    expect(problem.code).toBe('manifest.missing-columns')
    expect(manifestWords(problem, 'en')).toContain('Given name (givenName)')
    expect(manifestWords(problem, 'zh-CN')).toContain('名（givenName）')
  })

  it('a missing manifest or images folder', async () => {
    const missing = await h.importer.preview(join(folder.dir, 'nope.csv'), folder.images, { today })
    expect(missing).toMatchObject({ ok: false, problem: { code: 'manifest.not-found' } })
    const path = join(folder.dir, 'ok.csv')
    writeFileSync(path, `${header}\r\n${good}\r\n`)
    expect(await h.importer.preview(path, join(folder.dir, 'no-images'), { today })).toMatchObject({ ok: false, problem: { code: 'images.not-found' } })
  })
})

describe('ragged rows', () => {
  it('are reported on their own row, and the other rows still preview', async () => {
    const rows = [header, good, `${good},surplus`, good.split(',').slice(0, 12).join(','), `${good},,`]
    const preview = ready(await previewBytes('ragged.csv', `${rows.join('\n')}\n`))
    const codes = preview.rows.map((r) => r.problems.filter((p) => p.code.startsWith('cells.')).map((p) => p.code))
    expect(codes).toEqual([[], ['cells.extra'], ['cells.missing'], []])
    const ragged = preview.rows[2]?.problems[0]
    expect(ragged && problemWords(ragged, 'en')).toBe('Row: the row has 12 cells but the header has 16; look for a missing comma or a line break')
    expect(ragged && problemWords(ragged, 'zh-CN')).toBe('该行：该行只有 12 个单元格，表头有 16 列；请检查是否缺少逗号或有多余换行')
  })

  it('keep quoted commas and line breaks in their cell', async () => {
    const record = { ...recordOf(applicants[0]!), token: 'tk,with\ncomma' }
    const preview = ready(await previewBytes('quoted.csv', csvText(manifestRows([record]))))
    expect(preview.rows[0]?.problems.map((p) => p.code)).toEqual(['token.characters'])
  })
})

describe('finding 2: an .xlsx zip bomb is refused before it is inflated', () => {
  it('a 2 GiB worksheet in a few MB named .xlsx: a specific refusal, and main stays up and small', async () => {
    const bomb = zipBomb('xl/worksheets/sheet1.xml', 2048)
    expect(bomb.length).toBeLessThan(20 * 1024 * 1024)
    const before = process.memoryUsage().rss
    const problem = await refusal('manifest.xlsx', bomb)
    expect(problem.code).toBe('manifest.xlsx-inflates-too-much')
    expect(manifestWords(problem, 'en')).toMatch(/unpacks to more than 64\.0 MB in “xl\/worksheets\/sheet1\.xml”.*zip bomb/)
    expect(manifestWords(problem, 'zh-CN')).toContain('压缩炸弹')
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024)
    // Still serving: the next manifest is read as usual.
    expect((await previewBytes('after.csv', `${header}\r\n${good}\r\n`)).ok).toBe(true)
  })

  it('refuses a workbook whose parts together unpack past the total cap, or far past its size', async () => {
    const { checkXlsxSize, defaultXlsxSizeLimits } = await import('./xlsx-size')
    const limits = { ...defaultXlsxSizeLimits, maxEntryBytes: 8 * 1024 * 1024, maxTotalBytes: 3 * 1024 * 1024, maxRatio: 1e9 }
    expect(await checkXlsxSize(zipBomb('xl/sharedStrings.xml', 4), limits)).toMatchObject({ ok: false, problem: { limit: 'total' } })
    expect(await checkXlsxSize(zipBomb('xl/sharedStrings.xml', 4), defaultXlsxSizeLimits)).toMatchObject({ ok: false, problem: { limit: 'ratio' } })
    expect(await checkXlsxSize(zipBomb('xl/sharedStrings.xml', 1))).toEqual({ ok: true })
  })
})
