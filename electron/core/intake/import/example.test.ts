import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codesByRow, openHarness, ready, type ImportHarness } from './test-fixtures/harness'
import { today } from './test-fixtures/manifests'

const example = join('resources', 'example-import')

let h: ImportHarness
beforeAll(async () => {
  h = await openHarness()
})
afterAll(() => h.close())

describe('the shipped example import (resources/example-import)', () => {
  it('previews four good rows and one deliberately bad one, with every reason', async () => {
    const preview = ready(await h.importer.preview(join(example, 'manifest.csv'), join(example, 'images'), { today }))
    expect(preview.manifest).toMatchObject({ format: 'csv', encoding: 'utf-8-bom' })
    expect(preview.summary).toEqual({ total: 5, ready: 4, needsReview: 0, invalid: 1 })
    expect(codesByRow(preview)[6]).toEqual(['cn-id.check-character', 'uid.leading-zero'])
    expect(preview.rows[2]?.identity?.validity).toEqual({ kind: 'long-term' })
  })

  it('keeps its images small', () => {
    const files = readdirSync(join(example, 'images'))
    expect(files).toHaveLength(15)
    for (const file of files) expect(statSync(join(example, 'images', file)).size, file).toBeLessThan(150 * 1024)
  })
})
