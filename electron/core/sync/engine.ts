import type { ApplicantStatus } from '../../../shared/domain/status'
import type { StepName } from '../../../shared/domain/steps'
import { putObject } from '../oss/oss-uploader'
import { StsCache } from '../oss/sts-cache'
import type { StepResult } from '../queue/step-result'
import type { LivenessResult, StepChange } from '../queue/types'
import { ResultNotDurableError, runApplicant, type RunLog } from './applicant-runner'
import type { BackoffPolicy } from './backoff'
import { Connectivity, httpProbe } from './connectivity'
import type { RetryTarget, SyncEngine, SyncEngineDeps } from './engine-api'
import { countQueued, StateEmitter, type SyncEngineState, type SyncLastError, type SyncStateListener } from './engine-state'
import { systemClock, type SyncClock, type SyncQueue } from './ports'
import type { SyncEnv } from './step-context'
import { UidClaims } from './uid-claims'

const DEFAULT_TOKEN_TTL_MS = 30 * 60_000
const DEFAULT_POLL_CAP_MS = 15_000

/** Floor for the wake timer, so a row that is due but cannot start never spins the loop. */
const MIN_WAKE_MS = 20

class Engine implements SyncEngine {
  private readonly clock: SyncClock
  private readonly random: () => number
  private readonly sts: StsCache
  private readonly connectivity: Connectivity
  private readonly emitter: StateEmitter
  private readonly inFlight = new Map<string, Promise<void>>()
  /**
   * Runs in flight whose uploads are behind them: what is left is latency-bound round trips, so
   * they hold no slot on the upload line and the next applicant starts its uploads meanwhile.
   */
  private readonly uploadsBehind = new Set<string>()
  /** WAL syncs for runs that have ended (their slot is free already); stop() waits for them. */
  private readonly walSyncs = new Set<Promise<void>>()
  /** Applicants to run next, backoff ignored (operator's request, or the network came back). */
  private readonly forced = new Set<string>()
  /** Applicants whose last attempt got no answer: retried at once when the network returns. */
  private readonly networkWaiting = new Set<string>()
  /** Applicants whose run threw (a corrupt row, a database error), left alone until the time given. */
  private readonly quarantine = new Map<string, number>()
  private readonly uids = new UidClaims()
  private readonly env: SyncEnv
  private stopWatchingStore: () => void = () => undefined
  private wakeQueued = false
  private running = false
  /** Stopped for good: the controller builds a new engine for new settings, and close stops the last. */
  private retired = false
  private paused = false
  private recovered = false
  /** Set once the disk refused a WAL sync: nothing recorded after it could be trusted to survive. */
  private diskFailure = false
  private wake: unknown = null
  private stopDiskFull: () => void = () => undefined
  private lastError: SyncLastError | undefined

  constructor(private readonly deps: SyncEngineDeps) {
    this.clock = deps.clock ?? systemClock
    this.random = deps.random ?? Math.random
    this.sts = new StsCache(() => this.clock.now())
    this.emitter = new StateEmitter((error) => deps.log.error('sync.state-listener-failed', { error }))
    const probe = deps.probe ?? (deps.probeUrl !== undefined ? httpProbe(deps.probeUrl) : null)
    if (probe === null) throw new Error('the sync engine needs a probe or a probeUrl to find out when it is back online')
    this.connectivity = new Connectivity({
      clock: this.clock,
      probe,
      ...(deps.online ? { signal: deps.online } : {}),
      random: this.random,
      policy: () => ({ ...this.backoff(), capMs: Math.min(this.backoff().capMs, deps.probeCapMs ?? 30_000) }),
      onChange: (online) => this.onConnectivity(online),
    })
    const { platform, oss } = deps
    this.env = {
      queue: deps.queue,
      images: deps.images,
      put: deps.put ?? putObject,
      sts: this.sts,
      redactor: deps.redactor,
      log: deps.log,
      clock: this.clock,
      random: this.random,
      trainingMode: deps.trainingMode ?? false,
      livenessTokenTtlMs: deps.livenessTokenTtlMs ?? DEFAULT_TOKEN_TTL_MS,
      livenessPollCapMs: deps.livenessPollCapMs ?? DEFAULT_POLL_CAP_MS,
      settings: () => deps.settings(),
      platform: typeof platform === 'function' ? platform : () => platform,
      oss: typeof oss === 'function' ? oss : () => oss,
      backoff: () => this.backoff(),
      mayStartStep: () => this.canWork(),
      observe: (id, step, result) => this.observe(id, step, result),
      claimUid: (id, uid) => this.uids.claim(id, uid),
      uploadsBehind: (id) => this.onUploadsBehind(id),
    }
  }

  start(): void {
    if (this.running || this.retired) return
    this.running = true
    // A full disk would fail every step's commit (and its log line): pause until it has space.
    this.stopDiskFull = this.deps.diskFull?.onChange((full) => this.onDiskFull(full)) ?? (() => undefined)
    if (!this.recovered) {
      this.recovered = true
      const replayed = this.deps.queue.steps.resetRunningSteps()
      if (replayed.length > 0) this.deps.log.info('sync.recovered', { steps: replayed.length })
    }
    this.stopWatchingStore = this.deps.queue.onStepChange((change) => this.onStoreChange(change))
    this.connectivity.start()
    this.pump()
  }

  /**
   * New work from outside the engine (an applicant queued, steps an edit or a retry sent back):
   * the store says so after its commit, and the engine looks once the commit's caller is done.
   */
  private onStoreChange(change: StepChange): void {
    if (change.state === 'pending' && change.nextAttemptAt === null) this.pumpSoon()
  }

  /** A run's slot on the upload line is free: the next applicant may start uploading. */
  private onUploadsBehind(applicantId: string): void {
    if (!this.inFlight.has(applicantId) || this.uploadsBehind.has(applicantId)) return
    this.uploadsBehind.add(applicantId)
    this.pumpSoon()
  }

  /** Pumps once the caller (a commit, a run's step) is done, however many ask meanwhile. */
  private pumpSoon(): void {
    if (this.wakeQueued) return
    this.wakeQueued = true
    queueMicrotask(() => {
      this.wakeQueued = false
      if (!this.paused) this.pump()
    })
  }

  async stop(): Promise<void> {
    this.running = false
    this.retired = true
    this.stopWatchingStore()
    this.stopDiskFull()
    this.clearWake()
    this.connectivity.stop()
    await Promise.allSettled([...this.inFlight.values()])
    await Promise.allSettled([...this.walSyncs])
    this.emitState()
  }

  pause(): void {
    this.paused = true
    this.clearWake()
    this.emitState()
  }

  resume(): void {
    this.paused = false
    this.pump()
  }

  syncAll(): void {
    this.paused = false
    for (const id of this.networkWaiting) this.forced.add(id)
    this.networkWaiting.clear()
    if (!this.running) this.start()
    this.connectivity.probeNow()
    this.pump()
  }

  sync(ids: readonly string[]): void {
    for (const id of ids) this.forced.add(id)
    this.syncAll()
  }

  retry(target: RetryTarget, operatorId: string | null = null): number {
    const ids = target === 'all-needs-attention' ? idsWithStatus(this.deps.queue, 'needs-attention') : target
    const count = ids.filter((id) => this.deps.queue.steps.retryFailed(id, operatorId).length > 0).length
    this.pump()
    return count
  }

  startLiveness(id: string, operatorId: string | null = null): LivenessResult {
    const result = this.deps.queue.steps.requestLiveness(id, operatorId)
    if (result.ok) this.pump()
    return result
  }

  checkLiveness(id: string): void {
    this.forced.add(id)
    this.pump()
  }

  state(): SyncEngineState {
    return {
      running: this.running,
      // A refused disk sync stops the engine for good, whatever resume() says since.
      paused: this.paused || this.diskFailure || this.isDiskFull(),
      diskFull: this.isDiskFull(),
      online: this.connectivity.isOnline(),
      inFlight: this.inFlight.size,
      queued: countQueued(this.deps.queue.applicants.countsByStatus()),
      ...(this.lastError ? { lastError: this.lastError } : {}),
    }
  }

  onState(listener: SyncStateListener): () => void {
    return this.emitter.on(listener)
  }

  private canWork(): boolean {
    return this.running && !this.paused && !this.diskFailure && !this.isDiskFull() && this.connectivity.isOnline()
  }

  private isDiskFull(): boolean {
    return this.deps.diskFull?.isFull() ?? false
  }

  private onDiskFull(full: boolean): void {
    if (full) {
      this.clearWake()
      this.emitState()
    } else {
      this.pump()
    }
  }

  private backoff(): BackoffPolicy {
    const { retryBaseMs, retryCapMs } = this.deps.settings().sync
    return { baseMs: retryBaseMs, capMs: retryCapMs }
  }

  /**
   * Up to `concurrency` applicants share the upload line, and as many again past their uploads
   * (the authnew round trips): on a slow line with a long round trip the line never waits for them.
   */
  private hasFreeSlot(limit: number): boolean {
    return this.inFlight.size - this.uploadsBehind.size < limit && this.inFlight.size < 2 * limit
  }

  /** Fills free slots with forced applicants first, then the longest-waiting due ones. */
  private pump(): void {
    this.clearWake()
    if (this.canWork()) {
      const now = this.clock.now()
      const limit = this.deps.settings().sync.concurrency
      for (const id of [...this.forced]) {
        if (!this.hasFreeSlot(limit)) break
        // Still forced once the account is free.
        if (this.uids.isWaiting(id)) continue
        this.forced.delete(id)
        if (!this.inFlight.has(id)) this.launch(id, true)
      }
      if (this.hasFreeSlot(limit)) {
        const work = this.deps.queue.steps.dueApplicants(now, limit + this.inFlight.size + this.quarantine.size + this.uids.waitingCount)
        for (const { applicantId } of work) {
          if (!this.hasFreeSlot(limit)) break
          if (this.inFlight.has(applicantId) || this.uids.isWaiting(applicantId) || (this.quarantine.get(applicantId) ?? 0) > now) continue
          this.launch(applicantId, false)
        }
      }
      if (this.hasFreeSlot(limit)) this.scheduleWake(now)
    }
    this.emitState()
  }

  private launch(applicantId: string, force: boolean): void {
    this.quarantine.delete(applicantId)
    const log: RunLog = { lastRecorded: null }
    const run = runApplicant(applicantId, this.env, force, log)
      .catch((error: unknown) => {
        this.deps.log.error('sync.applicant-failed', { applicantId, error })
        this.quarantine.set(applicantId, this.clock.now() + this.backoff().capMs)
      })
      .finally(() => {
        // A run that threw may still have recorded results before it did.
        if (log.lastRecorded !== null) this.makeDurable(applicantId, log.lastRecorded)
        this.inFlight.delete(applicantId)
        this.uploadsBehind.delete(applicantId)
        this.uids.release(applicantId)
        this.pump()
      })
    this.inFlight.set(applicantId, run)
  }

  /** One WAL sync for a run's results, shared with runs ending meanwhile (docs/ARCHITECTURE.md, durability). */
  private makeDurable(applicantId: string, lastRecorded: StepName): void {
    const synced = this.deps.queue.steps
      .whenDurable()
      .catch((error: unknown) => this.diskFailed(applicantId, new ResultNotDurableError(lastRecorded, error)))
      // diskFailed does not throw; this keeps a surprise from becoming an unhandled rejection.
      .catch(() => undefined)
      .finally(() => this.walSyncs.delete(synced))
    this.walSyncs.add(synced)
  }

  /** One timer for the earliest applicant not in flight; a finishing run pumps on its own. */
  private scheduleWake(now: number): void {
    const rows = this.deps.queue.steps.dueApplicants(Number.MAX_SAFE_INTEGER, this.inFlight.size + this.quarantine.size + 1)
    let next: number | null = null
    for (const row of rows) {
      if (this.inFlight.has(row.applicantId)) continue
      const held = this.quarantine.get(row.applicantId)
      const at = held !== undefined && held > now ? held : row.dueAt
      next = next === null ? at : Math.min(next, at)
      if (held === undefined) break
    }
    if (next === null) return
    this.wake = this.clock.setTimeout(() => {
      this.wake = null
      this.pump()
    }, Math.max(next - now, MIN_WAKE_MS))
  }

  private clearWake(): void {
    if (this.wake !== null) this.clock.clearTimeout(this.wake)
    this.wake = null
  }

  private onConnectivity(online: boolean): void {
    this.deps.log.info(online ? 'sync.online' : 'sync.offline', {})
    if (online) {
      for (const id of this.networkWaiting) this.forced.add(id)
      this.networkWaiting.clear()
      this.pump()
    } else {
      this.clearWake()
      this.emitState()
    }
  }

  private observe(applicantId: string, step: StepName, result: StepResult): void {
    if (result.kind === 'transient' && result.network) {
      this.networkWaiting.add(applicantId)
      this.connectivity.reportNetworkFailure()
    } else if (result.kind === 'done' || result.kind === 'transient' || (result.kind === 'attention' && result.errorKind === 'refused')) {
      // Whatever it said, the platform (or OSS) answered.
      this.connectivity.reportReachable()
    }
    if (result.kind === 'transient' || result.kind === 'attention') {
      const message = this.deps.redactor.text(result.message)
      this.lastError = { applicantId, step, code: result.code, message, at: this.clock.now() }
      const details = { applicantId, step, code: result.code, message }
      if (result.kind === 'attention') this.deps.log.warn('sync.needs-attention', details)
      else this.deps.log.info('sync.retry-later', details)
    }
    // A step done midway changes nothing the state shows (the applicant is syncing before and
    // after); the state is only worked out, with its counts, when it may have changed.
    if (result.kind !== 'done' || endsSubmission(step)) this.emitState()
  }

  /** Nothing recorded from now on could be trusted to survive a power cut: stop until a restart. */
  private diskFailed(applicantId: string, error: ResultNotDurableError): void {
    // First stop (state() shows it as paused) and say why: the log below writes to the very disk
    // that just failed, and may throw.
    this.diskFailure = true
    this.clearWake()
    const message = `Sync stopped: the queue could not be written to disk safely (${error.message}). Check the disk and restart kyc-desk; captured applicants are kept.`
    this.lastError = { applicantId, step: error.step, code: 'DISK_SYNC_FAILED', message: this.deps.redactor.text(message), at: this.clock.now() }
    this.emitState()
    try {
      this.deps.log.error('sync.disk-sync-failed', { applicantId, error })
    } catch {
      // Nothing more to do: the state above already tells the operator.
    }
  }

  private emitState(): void {
    this.emitter.offer(this.state())
  }

}

/** The step whose result takes an applicant out of the queued count (syncing to submitted). */
function endsSubmission(step: StepName): boolean {
  return step === 'reconcile'
}

/** Every applicant id with this status, a page at a time (listing never decrypts). */
function idsWithStatus(queue: SyncQueue, status: ApplicantStatus): string[] {
  const ids: string[] = []
  const pageSize = 1_000
  for (let offset = 0; ; offset += pageSize) {
    const page = queue.applicants.list({ status, offset, limit: pageSize, order: 'oldest' })
    ids.push(...page.items.map((item) => item.id))
    if (page.items.length < pageSize) return ids
  }
}

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  return new Engine(deps)
}
