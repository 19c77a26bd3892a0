import { describe, expect, it } from 'vitest'
import type { TrainingEndpoints, TrainingLauncher } from './training-mode'
import { TrainingSandbox } from './training-sandbox'

const endpoints: TrainingEndpoints = {
  api: 'http://127.0.0.1:7001',
  admin: { fetch: () => Promise.reject(new Error('not used')) },
  oss: 'http://127.0.0.1:7002',
  bucket: 'kyc-training',
  users: [],
}

/** A launcher that counts its sandboxes' starts and stops. */
function launcher() {
  const counts = { launched: 0, closed: 0 }
  const launch: TrainingLauncher = {
    launch: () => {
      counts.launched += 1
      return Promise.resolve({ ...endpoints, close: () => Promise.resolve(void (counts.closed += 1)) })
    },
  }
  return { launch, counts }
}

describe('the training sandbox', () => {
  it('starts only while training mode is in force, once, and stops when a live platform is set', async () => {
    let platformUrl = 'https://kyc.bank.example'
    const { launch, counts } = launcher()
    const sandbox = new TrainingSandbox({ source: launch, platformUrl: () => platformUrl, locked: false })
    await sandbox.ensure()
    expect(counts.launched).toBe(0)
    expect(sandbox.endpoints).toBeNull()
    platformUrl = ''
    await sandbox.ensure()
    await sandbox.ensure()
    expect(counts.launched).toBe(1)
    expect(sandbox.endpoints?.api).toBe(endpoints.api)
    await sandbox.leave()
    expect(counts.closed).toBe(0)
    platformUrl = 'https://kyc.bank.example'
    await sandbox.leave()
    expect(counts).toEqual({ launched: 1, closed: 1 })
    expect(sandbox.endpoints).toBeNull()
  })

  it('starts nothing for a core locked on unreadable settings', async () => {
    const { launch, counts } = launcher()
    await new TrainingSandbox({ source: launch, platformUrl: () => '', locked: true }).ensure()
    expect(counts.launched).toBe(0)
  })

  it('leaves a sandbox it was handed running to its owner', async () => {
    const sandbox = new TrainingSandbox({ source: endpoints, platformUrl: () => 'https://kyc.bank.example', locked: false })
    await sandbox.leave()
    await sandbox.close()
    expect(sandbox.endpoints).toBe(endpoints)
  })

  it('stops a launched sandbox when the core closes', async () => {
    const { launch, counts } = launcher()
    const sandbox = new TrainingSandbox({ source: launch, platformUrl: () => '', locked: false })
    await sandbox.ensure()
    await sandbox.close()
    await sandbox.close()
    expect(counts.closed).toBe(1)
  })
})
