import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { demoIdentity } from '../electron/core/environment/demo-applicants'
import { restoreBackup } from '../electron/core/backup/restore-backup'
import { openKycStore } from '../electron/core/queue/store'
import { KeyFileProvider } from '../electron/core/vault/key-file-provider'
import { expect, test } from './harness/app-fixture'
import { sandboxAccount, seedApplicant } from './harness/seed'

test('an admin backs the queue up from Settings; the download restores on another PC with every applicant', async ({ app }) => {
  const account = await sandboxAccount(app.sandbox.admin)
  // The demo customers share their three images, and a backup carries each image once.
  const ids = [await seedApplicant(app.core, account, 1), await seedApplicant(app.core, account, 2)]
  await app.open('/settings')
  const page = app.page
  const panel = page.getByTestId('backup-panel')
  await expect(panel).toContainText('备份与恢复')

  await page.getByTestId('backup-passphrase').fill('短密码')
  await expect(page.getByTestId('backup-problem')).toHaveText('备份密码至少需要 12 个字符')
  await expect(page.getByTestId('backup-create')).toBeDisabled()
  await page.getByTestId('backup-passphrase').fill('网点七号周五搬迁 branch 7')
  await page.getByTestId('backup-again').fill('网点七号周五搬迁 branch 7')
  await page.getByTestId('backup-create').click()
  await expect.poll(() => app.savedFiles.length, { timeout: 30_000 }).toBe(1)
  await expect(page.getByTestId('backup-saved')).toHaveText(/备份已保存：kyc-desk-backup-\d{8}-\d{6}\.kdbackup（2 位申请人，3 张照片）/)

  const file = app.savedFiles[0] ?? ''
  const bytes = readFileSync(file)
  expect(bytes.includes(Buffer.from(demoIdentity(1).documentNumber))).toBe(false)
  expect(bytes.includes(Buffer.from(account.token))).toBe(false)
  expect(app.core.store.events.listAfter(0, 500).filter((e) => e.type === 'backup-created').map((e) => e.details)).toEqual([
    expect.objectContaining({ applicants: 2, images: 3, via: 'app' }),
  ])

  const otherPc = mkdtempSync(join(tmpdir(), 'kyc-e2e-other-pc-'))
  try {
    const target = join(otherPc, 'data')
    const keyFile = join(otherPc, 'kyc-desk.key')
    await restoreBackup({ file, passphrase: '网点七号周五搬迁 branch 7', targetDir: target, keyProviderFor: () => new KeyFileProvider({ file: keyFile }), now: Date.now })
    const store = await openKycStore({ dataDir: target, keyProvider: new KeyFileProvider({ file: keyFile, create: false }) })
    try {
      const restored = store.applicants.get(ids[0] ?? '')
      expect(restored?.stage === 'queued' ? restored.identity.documentNumber : null).toBe(demoIdentity(1).documentNumber)
      expect(store.applicants.list().total).toBe(2)
    } finally {
      store.close()
    }
  } finally {
    rmSync(otherPc, { recursive: true, force: true })
  }
})
