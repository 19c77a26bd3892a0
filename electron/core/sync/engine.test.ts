import { afterEach, describe, expect, it } from 'vitest'
import { submissionSteps } from '../../../shared/domain/steps'
import { CorruptRecordError } from '../queue/applicant-record'
import { image, queueApplicant } from './test-support/applicants'
import { engineHarness, type EngineHarness } from './test-support/engine-harness'
import { fakeOss, type FakePlatform, type PlatformOp } from './test-support/fake-platform'
import type { KycStore } from '../queue/store'
import { DiskFullFlag } from './disk-full'
import type { SyncQueue } from './ports'

let h: EngineHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const binding = (n: number) => ({ uid: String(1_000_000_000_000_000 + n), token: `token-of-${n}-secret` })

describe('sync engine, driven by a fake clock', () => {
  it('takes each applicant through every step in order, uploads in parallel, a bounded number uploading at a time', async () => {
    h = await engineHarness()
    const ids = await Promise.all([1, 2, 3, 4, 5].map((n) => queueApplicant(h!.store, n, binding(n))))
    let maxInFlight = 0
    h.engine.onState((s) => (maxInFlight = Math.max(maxInFlight, s.inFlight)))
    h.engine.start()
    await h.clock.until(() => h!.allIn(ids, ['submitted']))
    // Two uploading (concurrency 2), and at most as many again past their uploads.
    expect(h.oss.stats.maxApplicantsUploading).toBe(2)
    expect(maxInFlight).toBeGreaterThanOrEqual(2)
    expect(maxInFlight).toBeLessThanOrEqual(4)
    for (const [i, id] of ids.entries()) {
      const ops = h.platform.opsFor(binding(i + 1).uid)
      expect(ops).toEqual(['getSts', 'authnew:1', 'authnew:2', 'authnew:3', 'authnew:4', 'authInfo'])
      const steps = h.store.applicants.get(id)
      expect(steps?.stage === 'queued' && steps.steps.map((s) => [s.name, s.state, s.attempts])).toEqual(submissionSteps.map((n) => [n, 'done', 1]))
      for (const slot of ['front', 'back', 'hand']) expect([...h.oss.objects.keys()].some((k) => k.startsWith(`kyc/${binding(i + 1).uid}/${id}/${slot}-`))).toBe(true)
    }
    expect(h.oss.objects.size).toBe(15)
    expect(h.oss.stats.maxParallelPerApplicant).toBe(3)
    expect(h.engine.state()).toMatchObject({ running: true, paused: false, online: true, inFlight: 0, queued: 0 })
  })

  it('starts the next applicant\'s uploads while one waits on its authnew round trips', async () => {
    h = await engineHarness({ sync: { concurrency: 1 } })
    let heldUid: string | null = null
    let release = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    h.platform.gate = (op, uid) => (op === 'authnew:1' && (heldUid ?? uid) === uid ? ((heldUid = uid), gate) : undefined)
    const ids = await Promise.all([1, 2, 3].map((n) => queueApplicant(h!.store, n, binding(n))))
    h.engine.start()
    await h.clock.until(() => heldUid !== null)
    // Whichever went first is past its uploads and waiting for an answer: the line is the others'.
    const heldIndex = [1, 2, 3].findIndex((n) => binding(n).uid === heldUid)
    const others = ids.filter((_, i) => i !== heldIndex)
    await h.clock.until(() => h!.allIn(others, ['submitted']))
    expect(stepOf(h, ids[heldIndex]!, 'authnew:1')).toMatchObject({ state: 'running' })
    expect(h.oss.stats.maxApplicantsUploading).toBe(1)
    release()
    await h.clock.until(() => h!.allIn(ids, ['submitted']))
  })

  it('holds as many applicants again past their uploads as uploading, no more', async () => {
    h = await engineHarness({ sync: { concurrency: 1 } })
    let release = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    h.platform.gate = (op) => (op === 'authnew:1' ? gate : undefined)
    const ids = await Promise.all([1, 2, 3].map((n) => queueApplicant(h!.store, n, binding(n))))
    h.engine.start()
    const calledAuthnew = () => [1, 2, 3].filter((n) => h!.platform.opsFor(binding(n).uid).includes('authnew:1'))
    await h.clock.until(() => calledAuthnew().length === 2)
    await h.clock.advance(5_000)
    // Two waiting on authnew (one of them in the line's own slot): the third has not begun.
    expect(h.engine.state().inFlight).toBe(2)
    const third = [1, 2, 3].find((n) => !calledAuthnew().includes(n)) ?? 0
    expect(h.platform.opsFor(binding(third).uid)).toEqual([])
    release()
    await h.clock.until(() => h!.allIn(ids, ['submitted']))
  })

  it('forgets an applicant\'s STS secrets once it is submitted, and its token once its run ends', async () => {
    const oss = fakeOss()
    const secrets = new Set<string>()
    h = await engineHarness({ engine: { put: (target, credentials, key, body) => (secrets.add(credentials.accessKeySecret), oss.put(target, credentials, key, body)) } })
    const id = await queueApplicant(h.store, 1, binding(1))
    h.engine.start()
    await h.clock.until(() => h!.allIn([id], ['submitted']))
    const [secret, token] = [[...secrets][0] ?? '', binding(1).token]
    expect(secrets.size).toBe(1)
    expect(h.redactor.text(`a ${secret} b`)).toBe(`a ${secret} b`)
    // Read again (and registered again) by its next run; a message about it is masked by its own values meanwhile.
    expect(h.redactor.text(`a ${token} b`)).toBe(`a ${token} b`)
    expect(h.redactor.size()).toBe(0)
  })
})

const stepOf = (h: EngineHarness, id: string, name: string) => {
  const record = h.store.applicants.get(id)
  return record?.stage === 'queued' ? record.steps.find((s) => s.name === name) : undefined
}

/** The real store, with `beforeRead` called before every read of a record (it may throw). */
function countingReads(store: KycStore, beforeRead: () => void): SyncQueue {
  return {
    applicants: {
      get: (applicantId: string) => {
        beforeRead()
        return store.applicants.get(applicantId)
      },
      list: (query) => store.applicants.list(query),
      countsByStatus: () => store.applicants.countsByStatus(),
    },
    steps: store.steps,
    onStepChange: (listener) => store.onStepChange(listener),
  }
}

/** Holds the first call of `op` in flight until released. */
function holdCall(platform: FakePlatform, op: PlatformOp) {
  let release = () => {}
  const held = { reached: false, release: () => release() }
  const gate = new Promise<void>((resolve) => (release = resolve))
  platform.gate = (called) => {
    if (called !== op || held.reached) return undefined
    held.reached = true
    return gate
  }
  return held
}

describe('retries and refusals', () => {
  it('retries a transient failure with full-jitter backoff, showing waiting-retry meanwhile', async () => {
    h = await engineHarness()
    let failures = 2
    h.platform.script = (op) =>
      op === 'authnew:2' && failures-- > 0 ? { kind: 'transient', code: 'HTTP_503', message: 'the platform answered HTTP 503', network: false } : undefined
    const id = await queueApplicant(h.store, 1, binding(1))
    h.engine.start()
    await h.clock.until(() => h!.status(id) === 'waiting-retry', { stepMs: 10 })
    const waiting = stepOf(h, id, 'authnew:2')
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, lastError: { kind: 'transient', code: 'HTTP_503' } })
    // random() = 0.5 and base 1 s: the first wait is half of 1 s, the second half of 2 s.
    expect((waiting?.nextAttemptAt ?? 0) - (waiting?.updatedAt ?? 0)).toBe(500)
    await h.clock.until(() => stepOf(h!, id, 'authnew:2')?.attempts === 2, { stepMs: 10 })
    const second = stepOf(h, id, 'authnew:2')
    expect((second?.nextAttemptAt ?? 0) - (second?.updatedAt ?? 0)).toBe(1_000)
    await h.clock.until(() => h!.status(id) === 'submitted')
    expect(stepOf(h, id, 'authnew:2')).toMatchObject({ state: 'done', attempts: 3, lastError: null })
  })

  it('puts exactly the refused applicant in needs-attention with the platform message; the others finish; retry resumes it', async () => {
    h = await engineHarness()
    const message = '身份证号码校验位错误'
    let refuse = true
    h.platform.script = (op, uid) => (refuse && op === 'authnew:1' && uid === binding(2).uid ? { kind: 'refused', status: -1000, message } : undefined)
    const ids = await Promise.all([1, 2, 3].map((n) => queueApplicant(h!.store, n, binding(n))))
    h.engine.start()
    await h.clock.until(() => h!.allIn([ids[0]!, ids[2]!], ['submitted']) && h!.status(ids[1]!) === 'needs-attention')
    expect(stepOf(h, ids[1]!, 'authnew:1')).toMatchObject({ state: 'failed', lastError: { kind: 'refused', code: '-1000', message } })
    expect(h.platform.opsFor(binding(2).uid).filter((op) => op === 'authnew:1')).toHaveLength(1)
    await h.clock.advance(10 * 60_000)
    expect(h.platform.opsFor(binding(2).uid).filter((op) => op === 'authnew:1')).toHaveLength(1)
    expect(h.engine.state().lastError).toMatchObject({ applicantId: ids[1], step: 'authnew:1', code: '-1000', message })

    refuse = false
    expect(h.engine.retry('all-needs-attention')).toBe(1)
    await h.clock.until(() => h!.status(ids[1]!) === 'submitted')
  })

  it('sends a reconciliation mismatch to a person, naming the field', async () => {
    h = await engineHarness()
    h.platform.tamperEcho = (echo) => ({ ...echo, birthday: '1901-01-01' })
    const id = await queueApplicant(h.store, 1, binding(1))
    h.engine.start()
    await h.clock.until(() => h!.status(id) === 'needs-attention')
    const reconcile = stepOf(h, id, 'reconcile')
    expect(reconcile?.lastError).toMatchObject({ kind: 'invalid', code: 'RECONCILE_MISMATCH' })
    expect(reconcile?.lastError?.message).toContain('date of birth')
  })
})

describe('offline', () => {
  const down = { kind: 'transient', code: 'ECONNREFUSED', message: 'no answer from the platform (ECONNREFUSED)', network: true } as const

  it('pauses every applicant while the platform is unreachable, probes with backoff, and resumes by itself', async () => {
    h = await engineHarness({ sync: { concurrency: 3 } })
    const net = h.network
    net.reachable = false
    h.platform.script = () => (net.reachable ? undefined : down)
    const ids = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => queueApplicant(h!.store, n, binding(n))))
    h.engine.start()
    await h.clock.advance(50)
    expect(h.engine.state()).toMatchObject({ online: false })
    const callsWhenOffline = h.platform.calls.length
    expect(callsWhenOffline).toBeLessThanOrEqual(3)

    await h.clock.advance(10 * 60_000)
    // Not one more platform call while offline: only the probe ran, with growing gaps.
    expect(h.platform.calls.length).toBe(callsWhenOffline)
    expect(net.probes).toBeGreaterThan(5)
    expect(net.probes).toBeLessThan(100)
    expect(ids.map((id) => h!.status(id)).every((s) => s === 'queued' || s === 'waiting-retry')).toBe(true)

    net.reachable = true
    await h.clock.until(() => h!.allIn(ids, ['submitted']))
    expect(h.states.some((s) => !s.online)).toBe(true)
    expect(h.engine.state().online).toBe(true)
  })

  it('resumes at once when the online signal says so, without waiting for the next probe', async () => {
    let online = false
    let notify: (value: boolean) => void = () => undefined
    const signal = { isOnline: () => online, onChange: (cb: (value: boolean) => void) => ((notify = cb), () => undefined) }
    h = await engineHarness({ engine: { online: signal, probe: async () => false } })
    h.platform.script = () => (online ? undefined : down)
    const id = await queueApplicant(h.store, 1, binding(1))
    h.engine.start()
    await h.clock.advance(60_000)
    expect(h.platform.calls).toHaveLength(0)
    expect(h.engine.state().online).toBe(false)
    online = true
    notify(true)
    await h.clock.until(() => h!.status(id) === 'submitted', { stepMs: 1 })
    expect(h.clock.now() - h.platform.calls[0]!.at).toBeLessThan(1_000)
  })
})

describe('crash safety and control', () => {
  it('makes a run durable with one WAL sync after its last step, not one per step', async () => {
    h = await engineHarness()
    const id = await queueApplicant(h.store, 1, binding(1))
    h.engine.start()
    await h.clock.until(() => h!.status(id) === 'submitted', { stepMs: 10 })
    await h.clock.advance(100)
    // Nine outcomes (getsts, three uploads, authnew 1-4, authinfoNew), one sync.
    expect(h.walSyncs.count).toBe(1)
    expect(h.engine.state().inFlight).toBe(0)
  })

  it('frees the slot before the WAL sync, goes on while it is held, and stops only once it is on disk', async () => {
    const held: (() => void)[] = []
    h = await engineHarness({ syncFile: () => new Promise<void>((resolve) => held.push(resolve)) })
    const id = await queueApplicant(h.store, 1, binding(1))
    h.engine.start()
    // Every sync is held, yet the steps go on: each outcome is committed (visible) at once.
    await h.clock.until(() => h!.status(id) === 'submitted', { stepMs: 10 })
    expect(h.platform.opsFor(binding(1).uid)).toEqual(['getSts', 'authnew:1', 'authnew:2', 'authnew:3', 'authnew:4', 'authInfo'])
    // The slot is free meanwhile, since later commits come after these in the WAL.
    await h.clock.until(() => held.length > 0, { stepMs: 10 })
    expect(h.engine.state().inFlight).toBe(0)

    let stopped = false
    const stopping = h.engine.stop().then(() => (stopped = true))
    await h.clock.advance(100)
    expect(stopped).toBe(false)
    for (const release of held.splice(0)) release()
    await stopping
    expect(stopped).toBe(true)
  })

  it('pauses everyone and says why when the disk refuses to make an outcome durable', async () => {
    h = await engineHarness({ syncFile: () => Promise.reject(new Error('EIO: i/o error, fdatasync')) })
    const ids = await Promise.all([1, 2].map((n) => queueApplicant(h!.store, n, binding(n))))
    h.engine.start()
    await h.clock.until(() => h!.engine.state().paused, { stepMs: 10 })
    expect(h.engine.state().lastError).toMatchObject({ code: 'DISK_SYNC_FAILED', message: expect.stringContaining('EIO') })
    expect(ids).toContain(h.engine.state().lastError?.applicantId)
    const calls = h.platform.calls.length
    await h.clock.advance(10 * 60_000)
    expect(h.platform.calls.length).toBe(calls)
    // Nothing recorded now could be trusted to reach the disk: resuming does not restart it.
    h.engine.resume()
    h.engine.syncAll()
    await h.clock.advance(10 * 60_000)
    expect(h.platform.calls.length).toBe(calls)
    expect(h.engine.state()).toMatchObject({ paused: true, lastError: { code: 'DISK_SYNC_FAILED' } })
    expect(h.logs.some((l) => l.event === 'sync.disk-sync-failed')).toBe(true)
  })

  it('sends an edit made mid-run with the next step, though the edit resets no step', async () => {
    h = await engineHarness()
    h.engine.start()
    // A new token resets no step, yet every step after the edit must send it.
    const held = holdCall(h.platform, 'authnew:2')
    const id = await queueApplicant(h.store, 2, binding(2))
    h.engine.sync([id])
    await h.clock.until(() => held.reached, { stepMs: 10 })
    expect(await h.store.applicants.update(id, { binding: { ...binding(2), token: 'tk_edited' } }, null)).toMatchObject({ ok: true, resetSteps: [] })
    held.release()
    await h.clock.until(() => h!.status(id) === 'submitted', { stepMs: 10 })
    const tokens = h.platform.calls.filter((c) => c.uid === binding(2).uid).map((c) => `${c.op} ${c.token}`)
    expect(tokens.slice(-4)).toEqual(['authnew:2 ' + binding(2).token, 'authnew:3 tk_edited', 'authnew:4 tk_edited', 'authInfo tk_edited'])
  })

  it('lets no upload of an image replaced in flight stand: the new image is uploaded and its key submitted', async () => {
    const oss = fakeOss()
    // Every front and back upload waits in flight until the test lets it go, in the order it chooses.
    const waiting: { key: string; go: () => void }[] = []
    h = await engineHarness({
      engine: {
        put: async (target, credentials, key, body) => {
          if (key.includes('/front-') || key.includes('/back-')) await new Promise<void>((go) => waiting.push({ key, go }))
          return oss.put(target, credentials, key, body)
        },
      },
    })
    const release = (slot: string) => {
      const i = waiting.findIndex((w) => w.key.includes(`/${slot}-`))
      waiting.splice(i, 1)[0]?.go()
    }
    const id = await queueApplicant(h.store, 1, binding(1))
    h.engine.start()
    await h.clock.until(() => waiting.length === 2, { stepMs: 10 })
    // The back image is replaced while its first upload flies. Then the front upload lands: its
    // commit must not start the back upload again while the old one is still out, or the old
    // one, landing first, would stand as the step's result.
    expect(await h.store.applicants.update(id, { images: { back: image(99, 'back') } }, null)).toMatchObject({ ok: true })
    release('front')
    await h.clock.advance(50)
    release('back')
    await h.clock.until(() => waiting.length > 0 || h!.status(id) === 'submitted', { stepMs: 10 })
    while (waiting.length > 0) {
      release('back')
      await h.clock.advance(50)
    }
    await h.clock.until(() => h!.status(id) === 'submitted', { stepMs: 10 })
    const record = h.store.applicants.get(id)
    const sha = record?.stage === 'queued' ? record.images.back.sha256.slice(0, 16) : 'none'
    expect(h.store.steps.stepData(id, 'upload:back')?.objectKey).toContain(sha)
    expect(h.platform.held.get(binding(1).uid)?.images.back).toContain(sha)
  })

  it('puts steps an outcome started back to pending when the record, edited meanwhile, cannot be read to run them', async () => {
    let failRead = false
    h = await engineHarness({
      wrapQueue: (store) =>
        countingReads(store, () => {
          if (failRead) {
            failRead = false
            throw new CorruptRecordError('unreadable for a moment')
          }
        }),
    })
    const held = holdCall(h.platform, 'getSts')
    const id = await queueApplicant(h.store, 1, binding(1))
    h.engine.start()
    await h.clock.until(() => held.reached, { stepMs: 10 })
    // The runner reads the record again after getsts's commit (which starts the uploads); that read fails once.
    expect(await h.store.applicants.update(id, { binding: { ...binding(1), token: 'tk_edited' } }, null)).toMatchObject({ ok: true })
    failRead = true
    held.release()
    await h.clock.until(() => h!.logs.some((l) => l.event === 'sync.applicant-failed'), { stepMs: 10 })
    await h.clock.advance(10)
    // The run threw, but what it recorded before (getsts's outcome) is still made durable.
    expect(h.walSyncs.count).toBe(1)
    expect(stepOf(h, id, 'sts')?.state).toBe('done')
    for (const slot of ['upload:front', 'upload:back', 'upload:hand']) expect(stepOf(h, id, slot)?.state).toBe('pending')
    // Held back for a while (quarantine), then picked up again and finished.
    await h.clock.until(() => h!.status(id) === 'submitted', { stepMs: 1_000 })
  })

  it('replays a step a crash left running, and never skips one', async () => {
    h = await engineHarness()
    const id = await queueApplicant(h.store, 1, binding(1))
    h.store.steps.markStep(id, 'sts', { kind: 'started' })
    h.store.steps.markStep(id, 'sts', { kind: 'done' })
    h.store.steps.markStep(id, 'upload:back', { kind: 'started' })
    expect(h.status(id)).toBe('syncing')
    h.engine.start()
    await h.clock.until(() => h!.status(id) === 'submitted')
    expect(stepOf(h, id, 'upload:back')).toMatchObject({ state: 'done', attempts: 2 })
    expect(h.oss.objects.size).toBe(3)
  })

  it('never uploads with the old account\'s credentials after the uid is edited mid-sync', async () => {
    let uploadsFail = true
    const busy = { kind: 'transient', code: 'ServiceUnavailable', message: 'OSS: busy', network: false, reason: { key: 'stepError.oss.transient', params: { code: 'ServiceUnavailable' } } } as const
    const oss = fakeOss(() => (uploadsFail ? busy : undefined))
    h = await engineHarness({ engine: { put: oss.put } })
    const id = await queueApplicant(h.store, 1, binding(1))
    h.engine.start()
    await h.clock.until(() => stepOf(h!, id, 'upload:front')?.attempts === 1 && h!.status(id) === 'waiting-retry', { stepMs: 10 })
    expect(await h.store.applicants.update(id, { binding: binding(2) }, null)).toMatchObject({ ok: true })
    uploadsFail = false
    await h.clock.until(() => h!.status(id) === 'submitted')
    expect(h.platform.opsFor(binding(2).uid)[0]).toBe('getSts')
    expect([...oss.objects.keys()].every((k) => k.startsWith(`kyc/${binding(2).uid}/`))).toBe(true)
  })

  it('wakes on work the store commits after it went to sleep, with no caller telling it', async () => {
    h = await engineHarness()
    h.engine.start()
    await h.clock.advance(60_000)
    // Nothing was due, so no timer is set; the queueing's commit is what wakes the engine.
    const id = await queueApplicant(h.store, 1, binding(1))
    await h.clock.until(() => h!.status(id) === 'submitted', { stepMs: 10 })
  })

  it('leaves a paused engine paused when new work is committed', async () => {
    h = await engineHarness()
    h.engine.start()
    h.engine.pause()
    const id = await queueApplicant(h.store, 1, binding(1))
    await h.clock.advance(60_000)
    expect(h.platform.calls).toHaveLength(0)
    expect(h.status(id)).toBe('queued')
  })

  it('starts no step while paused and carries on when resumed', async () => {
    h = await engineHarness()
    const id = await queueApplicant(h.store, 1, binding(1))
    h.engine.start()
    h.engine.pause()
    await h.clock.advance(60_000)
    const before = h.platform.calls.length
    expect(before).toBeLessThanOrEqual(1)
    expect(h.engine.state()).toMatchObject({ paused: true, inFlight: 0 })
    h.engine.resume()
    await h.clock.until(() => h!.status(id) === 'submitted')
  })
})

describe('liveness', () => {
  it('issues a token on request, polls with backoff while -1002, and reaches verified when the check passes', async () => {
    h = await engineHarness({ engine: { livenessTokenTtlMs: 10 * 60_000 } })
    const id = await queueApplicant(h.store, 1, binding(1))
    h.engine.start()
    await h.clock.until(() => h!.status(id) === 'submitted')
    expect(h.engine.startLiveness(id)).toMatchObject({ ok: true })
    await h.clock.until(() => h!.status(id) === 'liveness-pending' && stepOf(h!, id, 'liveness:result')?.attempts === 1, { stepMs: 10 })
    const token = h.store.steps.stepData(id, 'liveness:token')
    expect(token).toMatchObject({ verifyToken: `verify-${binding(1).uid}-1`, verifyUrl: 'https://verify.example/verify/1' })
    expect(token?.expiresAt).toBe(stepOf(h, id, 'liveness:token')!.updatedAt + 10 * 60_000)
    expect(stepOf(h, id, 'liveness:result')?.lastError).toMatchObject({ kind: 'transient', code: '-1002' })

    await h.clock.advance(2 * 60_000)
    const polls = h.platform.calls.filter((c) => c.op === 'vedioAuth').map((c) => c.at)
    const gaps = polls.slice(1).map((t, i) => t - polls[i]!)
    expect(gaps.length).toBeGreaterThan(4)
    expect(Math.max(...gaps)).toBeLessThanOrEqual(15_000)
    expect(gaps[1]!).toBeGreaterThan(gaps[0]!)

    h.platform.held.get(binding(1).uid)!.passed = true
    h.engine.checkLiveness(id)
    await h.clock.until(() => h!.status(id) === 'verified', { stepMs: 1, maxMs: 1_000 })
  })

  it('withdraws an expired token: back to submitted, no more polling, and a re-issue works', async () => {
    h = await engineHarness({ engine: { livenessTokenTtlMs: 5 * 60_000 } })
    const id = await queueApplicant(h.store, 1, binding(1))
    h.engine.start()
    await h.clock.until(() => h!.status(id) === 'submitted')
    h.engine.startLiveness(id)
    await h.clock.until(() => h!.status(id) === 'liveness-pending', { stepMs: 10 })
    await h.clock.until(() => h!.status(id) === 'submitted', { maxMs: 6 * 60_000 })
    const record = h.store.applicants.get(id)
    expect(record?.livenessRequestedAt).toBeNull()
    expect(stepOf(h, id, 'liveness:token')).toMatchObject({ state: 'pending', attempts: 0 })
    const polls = h.platform.calls.filter((c) => c.op === 'vedioAuth').length
    await h.clock.advance(30 * 60_000)
    expect(h.platform.calls.filter((c) => c.op === 'vedioAuth')).toHaveLength(polls)

    h.engine.startLiveness(id)
    await h.clock.until(() => stepOf(h!, id, 'liveness:token')?.state === 'done', { stepMs: 10 })
    expect(h.status(id)).toBe('liveness-pending')
    expect(h.store.steps.stepData(id, 'liveness:token')?.verifyToken).toBe(`verify-${binding(1).uid}-2`)
  })

  it('starts liveness by itself after submission when the setting says so', async () => {
    h = await engineHarness({ sync: { autoLiveness: true } })
    const id = await queueApplicant(h.store, 1, binding(1))
    h.engine.start()
    await h.clock.until(() => h!.status(id) === 'liveness-pending')
    expect(h.platform.opsFor(binding(1).uid).filter((op) => op === 'appToken')).toHaveLength(1)
  })
})

describe('finding 6: a full disk pauses the engine with a clear state, and it goes on once there is space', () => {
  it('starts no step while the disk is full, shows diskFull, and resumes by itself', async () => {
    const diskFull = new DiskFullFlag()
    h = await engineHarness({ engine: { diskFull } })
    const id = await queueApplicant(h.store, 1, binding(1))
    const states: boolean[] = []
    h.engine.onState((s) => states.push(s.diskFull))
    diskFull.set(true)
    h.engine.start()
    await h.clock.advance(10 * 60_000)
    expect(h.platform.calls).toHaveLength(0)
    expect(h.engine.state()).toMatchObject({ running: true, paused: true, diskFull: true })
    diskFull.set(false)
    await h.clock.until(() => h!.allIn([id], ['submitted']))
    expect(h.engine.state()).toMatchObject({ paused: false, diskFull: false })
    expect(states).toContain(true)
  })
})
