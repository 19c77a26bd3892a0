import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../sandbox/index'
import { trainingEnvironment } from '../../../shared/domain/environment'
import { KeyFileProvider } from '../vault/key-file-provider'
import { createCore, type Core } from './create-core'
import type { TrainingLauncher } from '../environment/training-mode'

/**
 * Leaving a live platform for training starts the sandbox, which takes seconds. The live engine
 * must stop starting steps before the environment moves: otherwise it sends the training
 * applicants, due again in the new environment, to the live platform it is still wired to.
 */
let dir: string
let sandbox: RunningSandbox
const cores: Core[] = []

function launcherThat(start: Promise<void>): TrainingLauncher {
  return { launch: async () => (await start, { ...sandbox, close: async () => undefined }) }
}

async function open(launcher: TrainingLauncher, startSync: boolean): Promise<Core> {
  const core = await createCore({ dataDir: join(dir, 'app'), appVersion: '0.0.0-test', keyProvider: new KeyFileProvider({ file: join(dir, 'kek') }), training: launcher, startSync })
  cores.push(core)
  return core
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-env-switch-'))
  sandbox = await startSandbox({ apiPort: 0, ossPort: 0 })
}, 30_000)

afterAll(async () => {
  for (const core of cores) await core.close().catch(() => undefined)
  await sandbox.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('switching from a live platform back to training', () => {
  it('sends no training applicant to the live platform while the training sandbox starts', async () => {
    // Training first: two demo applicants, queued, never synced; then the branch goes live.
    const first = await open(launcherThat(Promise.resolve()), false)
    await first.operators.create('Lin', '246810')
    await first.handlers['training:add-demo-applicants']({ count: 2 }, { senderUrl: 'app://kyc-desk/index.html' })
    const trainingIds = first.store.applicants.list({}).items.map((i) => i.id)
    expect(trainingIds).toHaveLength(2)
    first.settings.update({ platform: { baseUrl: sandbox.api }, oss: { endpoint: sandbox.oss, addressing: 'path-style' } })
    // Nor is a training customer's binding shown to the live platform to read its record.
    await expect(first.handlers['applicants:platform-record']({ id: trainingIds[0] ?? '' }, { senderUrl: 'app://kyc-desk/index.html' })).rejects.toThrow(/captured for another platform/)
    await first.close()
    cores.length = 0

    // Live, syncing; the switch back to training waits on a sandbox that is slow to start.
    let started = (): void => undefined
    const core = await open(launcherThat(new Promise<void>((resolve) => (started = resolve))), true)
    core.settings.update({ platform: { baseUrl: '' } })
    core.sync.current.sync(trainingIds)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    for (const id of trainingIds) {
      const summary = core.store.applicants.summary(id)
      expect(summary?.environment).toBe(trainingEnvironment)
      expect(summary?.steps.every((s) => s.attempts === 0 && s.state === 'pending'), id).toBe(true)
    }

    // Once the sandbox is up, the training engine syncs them.
    started()
    await expect.poll(() => trainingIds.map((id) => core.store.applicants.summary(id)?.status), { timeout: 30_000 }).toEqual(['submitted', 'submitted'])
  }, 60_000)
})
