import { readdirSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manifestFields } from './fields'
import { openHarness, previewAndCommit, ready, type ImportHarness } from './test-fixtures/harness'
import { applicants, csvText, imageFolder, manifestRows, recordOf, today, writeCsv, writeXlsx } from './test-fixtures/manifests'
import { problemWords } from './test-fixtures/words'

let folder: { dir: string; images: string }
beforeAll(async () => {
  folder = await imageFolder()
})

async function importOnce(manifest: string) {
  const h = await openHarness()
  try {
    const { preview, result } = await previewAndCommit(h, manifest, folder.images)
    const stored = result.rows.map((r) => {
      if (r.outcome !== 'imported') throw new Error(`row ${r.row} rejected: ${r.problems.map((p) => problemWords(p, 'en')).join('; ')}`)
      const record = h.t.store.applicants.get(r.applicantId)
      if (record?.stage !== 'queued') throw new Error('expected a queued applicant')
      return { identity: record.identity, binding: record.binding, slots: Object.keys(record.images).sort() }
    })
    return { preview, result, stored, peak: h.peakDecodes() }
  } finally {
    await h.close()
  }
}

describe('the same applicants from every manifest format', () => {
  const rows = manifestRows(applicants.map(recordOf))
  const text = csvText(rows)
  let outcomes: Array<Awaited<ReturnType<typeof importOnce>>>

  beforeAll(async () => {
    const paths = { utf8: 'utf8.csv', bom: 'bom.csv', gb: 'gb18030.csv', xlsx: 'manifest.xlsx' }
    writeCsv(join(folder.dir, paths.utf8), text, 'utf-8')
    writeCsv(join(folder.dir, paths.bom), text, 'utf-8-bom')
    writeCsv(join(folder.dir, paths.gb), text, 'gb18030')
    await writeXlsx(join(folder.dir, paths.xlsx), rows)
    outcomes = []
    for (const name of Object.values(paths)) outcomes.push(await importOnce(join(folder.dir, name)))
  })

  it('detects each format and encoding', () => {
    expect(outcomes.map((o) => [o.preview.manifest.format, o.preview.manifest.encoding])).toEqual([
      ['csv', 'utf-8'],
      ['csv', 'utf-8-bom'],
      ['csv', 'gb18030'],
      ['xlsx', null],
    ])
  })

  it('previews every row as ready and imports all of them, queued, with three images each', () => {
    for (const o of outcomes) {
      expect(o.preview.summary).toEqual({ total: 3, ready: 3, needsReview: 0, invalid: 0 })
      expect(o.result).toMatchObject({ imported: 3, rejected: 0 })
      expect(o.stored.every((s) => s.slots.join() === 'back,front,hand')).toBe(true)
    }
  })

  it('stores identical identities and bindings whatever the format, the 19-digit uid intact', () => {
    const [first, ...others] = outcomes.map((o) => o.stored)
    for (const other of others) expect(other).toEqual(first)
    expect(first?.[0]).toMatchObject({
      identity: { surname: '李', givenName: '思远', documentNumber: applicants[0]?.person.documentNumber, validity: { kind: 'until', expiryDate: '2036-04-20' } },
      binding: { uid: '9223372036854775807' },
    })
    expect(first?.[2]?.identity).toMatchObject({ documentType: 'passport', country: 'GBR', chineseMainland: false })
  })

  it('decodes at most two images at once', () => {
    for (const o of outcomes) expect(o.peak).toBeLessThanOrEqual(2)
    expect(Math.max(...outcomes.map((o) => o.peak))).toBe(2)
  })
})

describe('an .xlsx with Excel-typed cells', () => {
  let h: ImportHarness
  beforeAll(async () => {
    h = await openHarness()
  })
  afterAll(() => h.close())

  it('reads date cells and small number cells, and refuses an ID number Excel rounded', async () => {
    const [li, chen] = applicants.map(recordOf)
    if (!li || !chen) throw new Error('fixtures')
    const typed = (r: typeof li, documentNumber: string | number) =>
      manifestFields.map((f) => {
        if (f === 'birthday' || f === 'issueDate' || f === 'expiryDate') return new Date(`${r[f]}T00:00:00Z`)
        if (f === 'isChina' || f === 'longTerm') return Number(r[f])
        if (f === 'documentNumber') return documentNumber
        return r[f]
      })
    const path = join(folder.dir, 'typed.xlsx')
    await writeXlsx(path, [[...manifestFields], typed(li, li.documentNumber), typed(chen, Number(chen.documentNumber))])
    const preview = ready(await h.importer.preview(path, folder.images, { today }))
    expect(preview.rows[0]).toMatchObject({ status: 'ready', identity: { birthday: '1990-03-15', issueDate: '2016-04-20' } })
    expect(preview.rows[1]?.status).toBe('invalid')
    expect(preview.rows[1]?.problems.map((p) => [p.field, p.code])).toEqual([['documentNumber', 'value.excel-number']])
    const excel = preview.rows[1]?.problems[0]
    expect(excel && problemWords(excel, 'zh-CN')).toContain('文本')
  })
})

describe('header aliases and value formats', () => {
  it('imports a manifest with Chinese headers in another order, Chinese values and Excel date shapes', async () => {
    const li = recordOf(applicants[0]!)
    const headers = ['手持', '背面', '正面', '长期有效', '有效期至', '签发日期', '是否中国大陆', '性别', '出生日期', '证件号码', '证件类型', '名', '姓', '国家/地区', '令牌', '用户ID', '备注']
    const values = [li.hand, li.back, li.front, '0', '2036/4/20', '20160420', '1', '男', '1990/03/15', li.documentNumber.toLowerCase(), '身份证', li.givenName, li.surname, 'chn', li.token, li.uid, 'walk-in']
    const path = join(folder.dir, 'aliases.csv')
    writeCsv(path, csvText([headers, values]), 'gb18030')
    const { preview, stored } = await importOnce(path)
    expect(preview.manifest.unknownColumns).toEqual(['备注'])
    expect(preview.notes.map((n) => n.code)).toEqual(['manifest.unknown-column'])
    expect(preview.manifest.columns).toMatchObject({ documentNumber: '证件号码', uid: '用户ID' })
    expect(preview.rows[0]?.normalized).toEqual(expect.arrayContaining(['country']))
    expect(stored[0]?.identity).toMatchObject({ country: 'CHN', birthday: '1990-03-15', issueDate: '2016-04-20', validity: { kind: 'until', expiryDate: '2036-04-20' }, gender: 'male' })
  })
})

describe('image store after an import', () => {
  it('decodes a row again at commit when a file\'s stamp changed, and imports it when the image is the same', async () => {
    const h = await openHarness()
    try {
      const record = recordOf(applicants[0]!)
      const path = join(folder.dir, 'touched.csv')
      writeCsv(path, csvText(manifestRows([record])), 'utf-8')
      const preview = ready(await h.importer.preview(path, folder.images, { today }))
      const afterPreview = h.decodes()
      // Same bytes, new modification time (a copy tool, a backup, an antivirus scan).
      const front = join(folder.images, String(record.front))
      const later = new Date(Date.now() + 60_000)
      utimesSync(front, later, later)
      const result = await h.importer.commit(preview, { operatorId: 'op-1', consent: { version: 'test', at: 1 }, queue: true })
      expect(result).toMatchObject({ imported: 1, rejected: 0 })
      expect(h.decodes()).toBe(afterPreview + 3)
    } finally {
      await h.close()
    }
  })

  it('decodes each scan once: the commit only checks the stamps of the files the preview already normalised', async () => {
    const h = await openHarness()
    try {
      const path = join(folder.dir, 'once.csv')
      writeCsv(path, csvText(manifestRows([recordOf(applicants[0]!)])), 'utf-8')
      const preview = ready(await h.importer.preview(path, folder.images, { today }))
      const afterPreview = h.decodes()
      expect(afterPreview).toBe(3)
      const result = await h.importer.commit(preview, { operatorId: 'op-1', consent: { version: 'test', at: 1 }, queue: true })
      expect(result).toMatchObject({ imported: 1, rejected: 0 })
      expect(h.decodes()).toBe(afterPreview)
    } finally {
      await h.close()
    }
  })

  it('holds the encrypted images of imported rows only', async () => {
    const h = await openHarness()
    try {
      const path = join(folder.dir, 'count.csv')
      const broken = { ...recordOf(applicants[1]!), documentNumber: '310104200111020420' }
      writeCsv(path, csvText(manifestRows([recordOf(applicants[0]!), broken])), 'utf-8')
      const { result } = await previewAndCommit(h, path, folder.images)
      expect(result).toMatchObject({ imported: 1, rejected: 1 })
      const files = readdirSync(join(h.t.dir, 'images'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.bin'))
      expect(files).toHaveLength(3)
      expect(h.t.store.applicants.list().total).toBe(1)
    } finally {
      await h.close()
    }
  })
})
