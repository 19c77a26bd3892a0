import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BrowserActions } from './browser-actions'

const dir = mkdtempSync(join(tmpdir(), 'kyc-file-export-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('a finished file (a backup) in browser mode', () => {
  it('becomes a one-time download for the tab that asked, from its own copy, so the core may remove the file', async () => {
    const actions = new BrowserActions()
    const source = join(dir, 'made.kdbackup')
    const bytes = randomBytes(70_000)
    writeFileSync(source, bytes)
    const { value, actions: asked } = await actions.collect(() =>
      actions.fileExports.exportFile({ defaultName: '../kyc-desk-backup-202506011200.kdbackup', filters: [], source }),
    )
    rmSync(source)
    expect(value).toEqual({ saved: true, location: 'kyc-desk-backup-202506011200.kdbackup' })
    expect(asked).toEqual([{ kind: 'download', url: expect.stringMatching(/^api\/downloads\/[0-9a-f]{32}$/), name: 'kyc-desk-backup-202506011200.kdbackup' }])
    const id = asked[0]?.kind === 'download' ? asked[0].url.split('/').at(-1) ?? '' : ''
    expect(actions.takeDownload(id)?.bytes.equals(bytes)).toBe(true)
    expect(actions.takeDownload(id)).toBeNull()
    actions.close()
  })
})
