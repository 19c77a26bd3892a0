import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { demoIdentity } from '../electron/core/environment/demo-applicants'
import type { AccountBinding } from '../shared/domain/identity'
import { expect, test } from './harness/app-fixture'
import { sandboxAccount, seedApplicant } from './harness/seed'

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
}

/** Everything secret this run produced: tokens, ID numbers, STS secrets, verify tokens. */
interface Secrets {
  readonly values: string[]
}

function stsSecrets(sandboxDir: string): string[] {
  const db = new Database(join(sandboxDir, 'sandbox.sqlite'), { readonly: true, fileMustExist: true })
  try {
    const rows = db.prepare('SELECT access_key_secret AS secret, security_token AS token FROM sts_credentials').all() as { secret: string; token: string }[]
    return rows.flatMap((r) => [r.secret, r.token])
  } finally {
    db.close()
  }
}

function expectNoSecret(where: string, text: string, secrets: Secrets): void {
  const found = secrets.values.filter((s) => text.includes(s))
  expect(found, `${where} contains a secret`).toEqual([])
}

test('after a sync, no token, STS secret, verify token or ID number is in the logs, the diagnostics export, the database or the renderer', async ({ app }) => {
  test.setTimeout(120_000)
  const accounts: AccountBinding[] = []
  const ids: string[] = []
  for (let i = 0; i < 3; i++) {
    const account = await sandboxAccount(app.sandbox.admin)
    accounts.push(account)
    ids.push(await seedApplicant(app.core, account, i))
  }
  const engine = app.core.sync.current
  engine.syncAll()
  await expect.poll(() => ids.map((id) => app.core.store.applicants.get(id)?.status), { timeout: 60_000 }).toEqual(['submitted', 'submitted', 'submitted'])
  const liveness = ids[0] ?? ''
  expect(engine.startLiveness(liveness).ok).toBe(true)
  engine.syncAll()
  const issuedToken = () => app.core.store.steps.stepData(liveness, 'liveness:token')?.verifyToken ?? ''
  await expect.poll(() => issuedToken().length, { timeout: 30_000 }).toBeGreaterThan(8)
  const verifyToken = issuedToken()

  const sts = stsSecrets(app.sandbox.dataDir)
  expect(sts.length).toBeGreaterThan(0)
  const secrets: Secrets = {
    values: [
      ...accounts.map((a) => a.token),
      ...[0, 1, 2].map((i) => demoIdentity(i).documentNumber),
      ...sts,
      verifyToken,
    ],
  }

  // The renderer: every screen that shows these applicants, then its whole state and DOM.
  const page = app.page
  await app.open('/queue')
  await expect(page.getByText(app.core.store.applicants.summary(liveness)?.reference ?? '-')).toBeVisible()
  await app.open(`/applicants/${liveness}`)
  await expect(page.getByTestId('applicant-detail')).toBeVisible()
  await app.open('/diagnostics')
  const exported = await page.evaluate(() =>
    (window as unknown as { kyc: { invoke: (c: string, r: unknown) => Promise<unknown> } }).kyc.invoke('diagnostics:export', { format: 'csv' }),
  )
  expect(exported).toMatchObject({ ok: true, value: { saved: true } })
  const rendererState = await page.evaluate(() => {
    const root = document.querySelector('#app') as (Element & { __vue_app__?: { config: { globalProperties: { $pinia?: { state: { value: unknown } } } } } }) | null
    return JSON.stringify(root?.__vue_app__?.config.globalProperties.$pinia?.state.value ?? null) + document.documentElement.outerHTML
  })
  expect(rendererState.length).toBeGreaterThan(1000)
  expectNoSecret('the renderer', rendererState, secrets)

  // Main's side: log files, the diagnostics export, the database and its WAL.
  const logs = filesUnder(join(app.dataDir, 'app', 'logs'))
  expect(logs.length).toBeGreaterThan(0)
  for (const file of logs) expectNoSecret(file, readFileSync(file, 'utf8'), secrets)
  await expect.poll(() => app.savedFiles.length).toBe(1)
  for (const file of app.savedFiles) expectNoSecret(file, readFileSync(file, 'utf8'), secrets)
  for (const file of filesUnder(join(app.dataDir, 'app')).filter((f) => /\.sqlite(-wal)?$/.test(f))) {
    expectNoSecret(file, readFileSync(file).toString('latin1'), secrets)
    expectNoSecret(`${file} (UTF-16)`, readFileSync(file).toString('utf16le'), secrets)
  }
})
