import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startSandbox } from './index'
import { applicantCalls } from './testing/applicant-steps'
import { ossClient } from './testing/oss-client'
import { getSts } from './testing/platform-call'
import { fakeJpeg, step1Params } from './testing/sample-applicant'

const dataDir = mkdtempSync(join(tmpdir(), 'kyc-sandbox-persist-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('data folder', () => {
  it('keeps accounts, records, credentials and objects across a restart', async () => {
    const first = await startSandbox({ apiPort: 0, ossPort: 0, dataDir, seedUsers: 2 })
    const user = first.users[0] ?? { uid: '', token: '' }
    const keys = await applicantCalls(first, user).submitAll()
    const sts = await getSts(first.api, user)
    await first.close()
    expect(existsSync(join(dataDir, 'sandbox.sqlite'))).toBe(true)

    const second = await startSandbox({ apiPort: 0, ossPort: 0, dataDir, seedUsers: 3 })
    try {
      expect(second.users.slice(0, 2)).toEqual(first.users)
      expect(second.users).toHaveLength(3)
      const info = await applicantCalls(second, user).call('/user/authinfoNew')
      expect(info.envelope.attachment).toMatchObject({ idNumber: step1Params()['idNumber'], handImages: keys.hand })
      // Credentials issued before the restart still work until they expire, as on the real service.
      const got = await ossClient(second, sts).get(keys.front)
      expect(Buffer.compare(got.content as Buffer, fakeJpeg('front'))).toBe(0)
    } finally {
      await second.close()
    }
  })

  it('uses and removes a temporary folder when none is given', async () => {
    const sandbox = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 0 })
    expect(existsSync(join(sandbox.dataDir, 'sandbox.sqlite'))).toBe(true)
    await sandbox.close()
    expect(existsSync(sandbox.dataDir)).toBe(false)
  })

  it('refuses invalid options and reports a port in use', async () => {
    await expect(startSandbox({ bucket: 'Not_A_Bucket' })).rejects.toThrow(/bucket/)
    await expect(startSandbox({ apiPort: 70_000 })).rejects.toThrow(/apiPort/)
    const holder = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 0 })
    try {
      const port = Number(new URL(holder.api).port)
      await expect(startSandbox({ apiPort: port, ossPort: 0, seedUsers: 0 })).rejects.toThrow(/EADDRINUSE/)
    } finally {
      await holder.close()
    }
  })
})
