import Database from 'better-sqlite3'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { environmentOf } from '../../../shared/domain/environment'
import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { startSandbox, type RunningSandbox } from '../../../sandbox/index'
import { submissionSteps } from '../../../shared/domain/steps'
import { objectKeyFor } from '../../core/oss/object-key'
import { openKycStore, type KycStore } from '../../core/queue/store'
import { queueApplicant } from '../../core/sync/test-support/applicants'
import { EnvKeyProvider } from '../../core/vault/env-key-provider'

const KILLS = 20
const userSchema = z.object({ uid: z.string(), token: z.string() })
const callsSchema = z.object({ calls: z.array(z.object({ call: z.string(), step: z.number().nullable(), outcome: z.string() })) })
const objectsSchema = z.object({ objects: z.array(z.object({ key: z.string() })) })

/** Seeded, so a failing run can be repeated move for move. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0
    return state / 2 ** 32
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('kyc-desk sync killed at random moments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-crash-'))
  const key = randomBytes(32).toString('hex')
  let sandbox: RunningSandbox | undefined
  let store: KycStore | undefined
  afterAll(async () => {
    store?.close()
    await sandbox?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it(`survives ${KILLS} SIGKILLs: every applicant submitted, no step skipped, no duplicate objects, database intact`, async () => {
    sandbox = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 0, dataDir: join(dir, 'sandbox') })
    const running = sandbox
    const admin = async <T>(path: string, schema: z.ZodType<T>, init?: RequestInit) => {
      const response = await running.admin.fetch(`${path}`, { ...init, headers: { 'content-type': 'application/json' } })
      return schema.parse(await response.json())
    }
    // A little latency stretches each run so that kills land in the middle of steps.
    await admin('/faults', z.unknown(), { method: 'POST', body: JSON.stringify({ rules: [{ latencyMs: 40 }] }) })
    store = await openKycStore({ dataDir: join(dir, 'app'), keyProvider: new EnvKeyProvider({ KYC_DESK_KEY: key }) })
    // Captured for the platform the command line will sync with.
    store.setEnvironment(environmentOf(running.api))
    const db = join(dir, 'app', 'kyc-desk.sqlite')
    const applicants: { id: string; uid: string }[] = []
    const add = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const user = await admin('/users', userSchema, { method: 'POST', body: '{}' })
        applicants.push({ id: await queueApplicant(store!, applicants.length, user), uid: user.uid })
      }
    }

    const spawnSync = (): { child: ChildProcess; exited: Promise<number | null>; firstStep: Promise<void> } => {
      const child = spawn(
        process.execPath,
        ['bin/kyc-desk.mjs', 'sync', '--db', db, '--platform', running.api, '--oss-endpoint', running.oss, '--path-style',
          '--until-idle', '--json', '--concurrency', '4', '--retry-base-ms', '50', '--retry-cap-ms', '500'],
        { env: { ...process.env, KYC_DESK_KEY: key }, stdio: ['ignore', 'pipe', 'pipe'] },
      )
      let stderr = ''
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      const firstStep = new Promise<void>((resolve) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('"event":"step"')) resolve()
        })
      })
      const exited = new Promise<number | null>((resolve) =>
        child.on('exit', (code) => {
          if (code !== null && code !== 0) console.error(stderr)
          resolve(code)
        }),
      )
      return { child, exited, firstStep }
    }

    const random = seededRandom(20_260_105)
    await add(10)
    let kills = 0
    let killedMidStep = 0
    while (kills < KILLS) {
      await add(2)
      const run = spawnSync()
      // Half the kills at any moment from start-up on, half once steps are under way.
      const moment = random() < 0.5 ? sleep(100 + random() * 1_500) : run.firstStep.then(() => sleep(random() * 700))
      const outcome = await Promise.race([moment.then(() => 'kill' as const), run.exited.then(() => 'exited' as const)])
      if (outcome === 'kill') {
        run.child.kill('SIGKILL')
        await run.exited
        kills += 1
        const running = store.applicants.list({ limit: 20_000 }).items.flatMap((a) => a.steps.filter((s) => s.state === 'running'))
        if (running.length > 0) killedMidStep += 1
      }
    }

    const last = spawnSync()
    expect(await last.exited).toBe(0)

    const ids = applicants.map((a) => a.id)
    let replayed = 0
    expect(ids.map((id) => store!.applicants.get(id)?.status)).toEqual(ids.map(() => 'submitted'))
    for (const a of applicants) {
      const record = store.applicants.get(a.id)
      if (record?.stage !== 'queued') throw new Error('queued applicant expected')
      expect(record.steps.map((s) => [s.name, s.state])).toEqual(submissionSteps.map((n) => [n, 'done']))
      expect(record.steps.every((s) => s.attempts >= 1)).toBe(true)
      replayed += record.steps.filter((s) => s.attempts > 1).length

      // The platform saw steps 1-4 first accepted in order, never out of order, never reset.
      const { calls } = await admin(`/users/${a.uid}`, callsSchema)
      const authnew = calls.filter((c) => c.call === 'authnew')
      expect(authnew.filter((c) => c.outcome === 'refused' || c.outcome === 'reset')).toEqual([])
      expect(authnew.filter((c) => c.outcome === 'accepted').map((c) => c.step)).toEqual([1, 2, 3, 4])

      // Exactly one object per slot, at its deterministic key: replays overwrote, never added.
      const { objects } = await admin(`/objects?prefix=${encodeURIComponent(`kyc/${a.uid}/`)}`, objectsSchema)
      const expected = (['front', 'back', 'hand'] as const).map((slot) => objectKeyFor(a.uid, a.id, slot, record.images[slot].sha256))
      expect(objects.map((o) => o.key).sort()).toEqual(expected.sort())
    }
    // Kills really landed mid-step: steps left running were replayed on restart.
    expect(replayed).toBeGreaterThan(5)
    expect(killedMidStep).toBeGreaterThanOrEqual(KILLS / 4)
    const all = await admin('/objects', objectsSchema)
    expect(new Set(all.objects.map((o) => o.key)).size).toBe(all.objects.length)
    expect(all.objects).toHaveLength(applicants.length * 3)

    const check = new Database(db, { readonly: true })
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      check.close()
    }
  }, 240_000)
})
