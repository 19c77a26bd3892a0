/**
 * `npm run bench [-- --quick] [-- <name>...]`: runs the benchmarks, each in a process of its own,
 * and writes bench/results.json and the table in bench/RESULTS.md. Never part of `npm test`: these
 * measure speed on a shared machine and must not fail a build.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { benchmarks, isBenchName, nodeFlags, type BenchName } from './lib/registry'
import { mergeResults, record, writeResults, type BenchRecord } from './lib/report'
import type { BenchResult } from './lib/types'

const resultSchema: z.ZodType<BenchResult> = z.object({
  name: z.string(),
  metrics: z.record(z.string(), z.number()),
  target: z.string(),
  ratio: z.number().nullable(),
  passed: z.boolean(),
  notes: z.string(),
})

const { values, positionals } = parseArgs({ allowPositionals: true, options: { quick: { type: 'boolean' } } })
const quick = values.quick ?? false
const all = Object.keys(benchmarks) as BenchName[]
const unknown = positionals.filter((p) => !isBenchName(p))
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark ${unknown.join(', ')}; known: ${all.join(', ')}\n`)
  process.exit(2)
}
const selected = positionals.length > 0 ? all.filter((n) => positionals.includes(n)) : all

function commitId(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
  } catch {
    return 'unknown'
  }
}

/** One benchmark in a fresh Node process (tsx), its result read back from a file. */
function runOne(name: BenchName, outDir: string): Promise<BenchResult> {
  const out = join(outDir, `${name}.json`)
  const entry = join(import.meta.dirname, 'lib', 'child-entry.ts')
  const args = [...(nodeFlags[name] ?? []), '--import', 'tsx', entry, name, '--out', out, ...(quick ? ['--quick'] : [])]
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit' })
    child.on('exit', (code) => {
      try {
        resolve(resultSchema.parse(JSON.parse(readFileSync(out, 'utf8'))))
      } catch {
        resolve({ name, metrics: {}, target: '', ratio: null, passed: false, notes: `the benchmark failed (exit code ${String(code)}); see its output` })
      }
    })
  })
}

const outDir = mkdtempSync(join(tmpdir(), 'kyc-bench-run-'))
const commit = commitId()
const fresh: BenchRecord[] = []
try {
  for (const name of selected) {
    process.stderr.write(`\n== ${name}${quick ? ' (quick)' : ''}\n`)
    const started = performance.now()
    const result = await runOne(name, outDir)
    const seconds = (performance.now() - started) / 1000
    fresh.push(record(result, quick, seconds, commit))
    process.stderr.write(`${name}: ${result.passed ? 'passed' : 'MISSED'} ${result.target} (ratio ${result.ratio ?? '–'}) in ${Math.round(seconds)} s\n`)
  }
} finally {
  rmSync(outDir, { recursive: true, force: true })
}
writeResults(mergeResults(fresh, all))
process.stderr.write(`\nwrote bench/results.json and bench/RESULTS.md\n`)
