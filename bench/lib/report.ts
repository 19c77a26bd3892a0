import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import type { BenchResult } from './types'

export const resultsFile = join(import.meta.dirname, '..', 'results.json')
export const resultsMd = join(import.meta.dirname, '..', 'RESULTS.md')
const BEGIN = '<!-- results:begin (written by bench/run.ts) -->'
const END = '<!-- results:end -->'

const recordSchema = z.object({
  name: z.string(),
  metrics: z.record(z.string(), z.number().nullable()),
  target: z.string(),
  ratio: z.number().nullable(),
  passed: z.boolean(),
  notes: z.string(),
  quick: z.boolean(),
  ranAt: z.string(),
  seconds: z.number(),
  commit: z.string(),
})
export type BenchRecord = z.infer<typeof recordSchema>

const fileSchema = z.object({
  machine: z.object({ cpu: z.string(), cores: z.number(), memoryGb: z.number(), node: z.string(), platform: z.string() }),
  results: z.array(recordSchema),
})

export function machine() {
  const cpu = cpus()
  return { cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}` }
}

export function record(result: BenchResult, quick: boolean, seconds: number, commit: string): BenchRecord {
  return { ...result, quick, ranAt: new Date().toISOString(), seconds: Math.round(seconds), commit }
}

/** Replaces the named benchmarks' records and keeps the others, so `npm run bench -- sync` updates one row. */
export function mergeResults(fresh: readonly BenchRecord[], order: readonly string[]): BenchRecord[] {
  const previous = existsSync(resultsFile) ? (fileSchema.safeParse(JSON.parse(readFileSync(resultsFile, 'utf8'))).data?.results ?? []) : []
  const byName = new Map(previous.map((r) => [r.name, r]))
  for (const r of fresh) byName.set(r.name, r)
  return order.flatMap((name) => byName.get(name) ?? [])
}

export function writeResults(results: readonly BenchRecord[]): void {
  writeFileSync(resultsFile, `${JSON.stringify({ machine: machine(), results }, null, 2)}\n`)
  const existing = existsSync(resultsMd) ? readFileSync(resultsMd, 'utf8') : `# Benchmark results\n\n${BEGIN}\n${END}\n`
  const start = existing.indexOf(BEGIN)
  const end = existing.indexOf(END)
  const table = markdownTable(results)
  const next = start >= 0 && end > start ? `${existing.slice(0, start + BEGIN.length)}\n${table}${existing.slice(end)}` : `${existing}\n${BEGIN}\n${table}${END}\n`
  writeFileSync(resultsMd, next)
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ')

function markdownTable(results: readonly BenchRecord[]): string {
  const m = machine()
  const lines = [
    `Machine: ${m.cpu}, ${m.cores} cores (shared), ${m.memoryGb} GB, Node ${m.node}, ${m.platform}.`,
    '',
    '| benchmark | target | ratio | passed | key metrics | mode | run |',
    '|---|---|---|---|---|---|---|',
    ...results.map((r) => {
      const metrics = Object.entries(r.metrics)
        .map(([k, v]) => `${k} ${v ?? '–'}`)
        .join(', ')
      const mode = r.quick ? 'quick' : 'full'
      return `| ${r.name} | ${cell(r.target)} | ${r.ratio ?? '–'} | ${r.passed ? 'yes' : '**no**'} | ${cell(metrics)} | ${mode} | ${r.ranAt.slice(0, 16).replace('T', ' ')} UTC, ${r.seconds} s, ${r.commit} |`
    }),
    '',
    'Notes per benchmark (from the run):',
    '',
    ...results.map((r) => `- **${r.name}**: ${cell(r.notes)}`),
    '',
  ]
  return `${lines.join('\n')}\n`
}
