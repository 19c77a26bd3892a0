import { defaultSettings } from '../../shared/domain/settings'
import { processCpuMs, threadCpuMs } from '../lib/cpu'
import { describeTop, profiled } from '../lib/profiler'
import { startSandboxProcess, type SandboxProcess } from '../lib/sandbox-process'
import { median, round } from '../lib/stats'
import type { BenchOptions, BenchResult } from '../lib/types'
import { prepareBare } from './bare-run'
import { prepareEngine } from './engine-run'
import { SampleImages } from './images'

/** Engine CPU per applicant (this process, every thread, from /proc) over the bare script's. */
const TARGET = 1.5
/** getsts, three puts, authnew 1-4, authinfoNew. */
const MIN_REQUESTS = 9

type Prepare = typeof prepareEngine

const minus = (after: number | null, before: number | null) => (after === null || before === null ? Number.NaN : after - before)

/**
 * One run on a freshly reset sandbox with fresh accounts; returns its time, the requests the
 * sandbox answered and where the CPU went: this whole process (user + system, which load on the
 * shared machine barely moves), its main thread (the event loop, where HTTP, SQLite and crypto
 * all run) and the sandbox's process, which shares the machine's two cores with it.
 */
async function timed(sandbox: SandboxProcess, prepare: Prepare, n: number, images: SampleImages, concurrency: number, profileLabel?: string) {
  await sandbox.resetData()
  const users = await sandbox.createUsers(n)
  const run = await prepare(sandbox, users, images, concurrency)
  await sandbox.resetCounts()
  const cpu = processCpuMs(process.pid)
  const main = threadCpuMs()
  const other = processCpuMs(sandbox.pid)
  const profile = profileLabel === undefined ? null : await profiled(profileLabel, () => run.go())
  const ms = profile ? profile.value : await run.go()
  const mainMs = minus(threadCpuMs(), main)
  const sandboxMs = minus(processCpuMs(sandbox.pid), other)
  await run.cleanup()
  const counts = await sandbox.counts()
  return {
    ms,
    cpuMs: minus(processCpuMs(process.pid), cpu),
    mainMs,
    sandboxMs,
    top: profile?.top ?? [],
    requests: Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
  }
}

export async function run({ quick }: BenchOptions): Promise<BenchResult> {
  const n = quick ? 40 : 200
  const pairs = quick ? 2 : 5
  const concurrency = defaultSettings.sync.concurrency
  const sandbox = await startSandboxProcess()
  const images = new SampleImages()
  try {
    // Warm-up, not recorded: JIT, connection pools and the sandbox's first SQLite pages.
    await timed(sandbox, prepareEngine, 5, images, concurrency)
    await timed(sandbox, prepareBare, 5, images, concurrency)
    const engine: number[] = []
    const bare: number[] = []
    const engineCpu: number[] = []
    const bareCpu: number[] = []
    const engineMain: number[] = []
    const bareMain: number[] = []
    const engineSandbox: number[] = []
    const bareSandbox: number[] = []
    let engineRequests = 0
    let bareRequests = 0
    let engineCounts: Record<string, number> = {}
    for (let i = 0; i < pairs; i += 1) {
      const e = await timed(sandbox, prepareEngine, n, images, concurrency)
      const b = await timed(sandbox, prepareBare, n, images, concurrency)
      engine.push(e.ms)
      bare.push(b.ms)
      engineCpu.push(e.cpuMs)
      bareCpu.push(b.cpuMs)
      engineMain.push(e.mainMs)
      bareMain.push(b.mainMs)
      engineSandbox.push(e.sandboxMs)
      bareSandbox.push(b.sandboxMs)
      engineRequests = e.requests
      bareRequests = b.requests
      engineCounts = e.counts
      process.stderr.write(`sync: pair ${i + 1}/${pairs}: engine ${Math.round(e.ms)} ms, bare ${Math.round(b.ms)} ms\n`)
    }
    const ratio = median(engineCpu) / median(bareCpu)
    const wallRatio = median(engine) / median(bare)
    // One more engine run under the V8 sampling profiler (not counted: profiling slows it), for
    // the notes' account of where the engine's main thread spends its time.
    const profiledRun = quick ? null : await timed(sandbox, prepareEngine, n, images, concurrency, 'sync-engine')
    const perApplicant = engineRequests / n
    return {
      name: 'sync',
      metrics: {
        applicants: n,
        concurrency,
        runsEach: pairs,
        engineMedianMs: round(median(engine), 0),
        bareMedianMs: round(median(bare), 0),
        engineMsPerApplicant: round(median(engine) / n, 1),
        bareMsPerApplicant: round(median(bare) / n, 1),
        engineCpuMsPerApplicant: round(median(engineCpu) / n, 1),
        bareCpuMsPerApplicant: round(median(bareCpu) / n, 1),
        engineMainThreadCpuMsPerApplicant: round(median(engineMain) / n, 1),
        bareMainThreadCpuMsPerApplicant: round(median(bareMain) / n, 1),
        sandboxCpuMsPerApplicantEngineRuns: round(median(engineSandbox) / n, 1),
        sandboxCpuMsPerApplicantBareRuns: round(median(bareSandbox) / n, 1),
        wallClockRatio: round(wallRatio, 3),
        requestsPerApplicant: round(perApplicant, 2),
        bareRequestsPerApplicant: round(bareRequests / n, 2),
      },
      target: `engine CPU per applicant (all threads) / bare <= ${TARGET.toFixed(2)}; requests per applicant = ${MIN_REQUESTS}; wall clock reported`,
      ratio: round(ratio, 3),
      passed: ratio <= TARGET && perApplicant <= MIN_REQUESTS,
      notes:
        `engine runs ${engine.map((ms) => Math.round(ms)).join(', ')} ms; bare ${bare.map((ms) => Math.round(ms)).join(', ')} ms. ` +
        `Engine requests by call: ${Object.entries(engineCounts).map(([k, v]) => `${k} ${v}`).join(', ')}.` +
        (profiledRun ? ` Profiled engine run (self time, main thread): ${describeTop(profiledRun.top, 10)}.` : ''),
    }
  } finally {
    await sandbox.close()
  }
}
