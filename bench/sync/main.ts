import { defaultSettings } from '../../shared/domain/settings'
import { startSandboxProcess, type SandboxProcess } from '../lib/sandbox-process'
import { median, round } from '../lib/stats'
import type { BenchOptions, BenchResult } from '../lib/types'
import { prepareBare } from './bare-run'
import { prepareEngine } from './engine-run'
import { ImageSource } from './images'

const TARGET = 1.1
/** getsts, three puts, authnew 1-4, authinfoNew. */
const MIN_REQUESTS = 9

type Prepare = typeof prepareEngine

/** One run on a freshly reset sandbox with fresh accounts; returns its time and the requests the sandbox answered. */
async function timed(sandbox: SandboxProcess, prepare: Prepare, n: number, images: ImageSource, concurrency: number) {
  await sandbox.resetData()
  const users = await sandbox.createUsers(n)
  const run = await prepare(sandbox, users, images, concurrency)
  await sandbox.resetCounts()
  const cpu = process.cpuUsage()
  const ms = await run.go()
  const used = process.cpuUsage(cpu)
  await run.cleanup()
  const counts = await sandbox.counts()
  // CPU time of this process (user + system), which load on the shared machine barely moves.
  return { ms, cpuMs: (used.user + used.system) / 1000, requests: Object.values(counts).reduce((a, b) => a + b, 0), counts }
}

export async function run({ quick }: BenchOptions): Promise<BenchResult> {
  const n = quick ? 40 : 200
  const pairs = quick ? 2 : 5
  const concurrency = defaultSettings.sync.concurrency
  const sandbox = await startSandboxProcess()
  const images = new ImageSource()
  try {
    // Warm-up, not recorded: JIT, connection pools and the sandbox's first SQLite pages.
    await timed(sandbox, prepareEngine, 5, images, concurrency)
    await timed(sandbox, prepareBare, 5, images, concurrency)
    const engine: number[] = []
    const bare: number[] = []
    const engineCpu: number[] = []
    const bareCpu: number[] = []
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
      engineRequests = e.requests
      bareRequests = b.requests
      engineCounts = e.counts
      process.stderr.write(`sync: pair ${i + 1}/${pairs}: engine ${Math.round(e.ms)} ms, bare ${Math.round(b.ms)} ms\n`)
    }
    const ratio = median(engine) / median(bare)
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
        requestsPerApplicant: round(perApplicant, 2),
        bareRequestsPerApplicant: round(bareRequests / n, 2),
      },
      target: `engine / bare <= ${TARGET.toFixed(2)}; requests per applicant = ${MIN_REQUESTS}`,
      ratio: round(ratio, 3),
      passed: ratio <= TARGET && perApplicant <= MIN_REQUESTS,
      notes:
        `engine runs ${engine.map((ms) => Math.round(ms)).join(', ')} ms; bare ${bare.map((ms) => Math.round(ms)).join(', ')} ms. ` +
        `Engine requests by call: ${Object.entries(engineCounts).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
    }
  } finally {
    await sandbox.close()
  }
}
