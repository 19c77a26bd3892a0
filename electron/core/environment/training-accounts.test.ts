import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../sandbox/index'
import { createLogger } from '../log/logger'
import { Redactor } from '../log/redact'
import { openExampleAccounts } from './training-accounts'

const manifest = join(import.meta.dirname, '../../../resources/example-import/manifest.csv')

describe('training: the example manifest’s accounts', () => {
  let sandbox: RunningSandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 0 })
  })
  afterAll(() => sandbox.close())

  it('opens every valid account in the sandbox once, and skips the deliberately wrong row', async () => {
    const log = createLogger({ redactor: new Redactor() })
    const opened = await openExampleAccounts(sandbox.admin, manifest, log)
    expect(opened).toBe(4)
    const users = (await (await sandbox.admin.fetch(`/users`)).json()) as { users: { uid: string }[] }
    expect(users.users.map((u) => u.uid)).toContain('9223372036854775807')
    // A second start finds them there already.
    expect(await openExampleAccounts(sandbox.admin, manifest, log)).toBe(0)
  })
})
