import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { z } from 'zod'

/** The parts of a V8 .cpuprofile (node --cpu-prof) that self time needs. */
const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
})

export interface SelfTime {
  readonly fn: string
  readonly where: string
  readonly ms: number
  readonly share: number
}

function place(url: string, line: number): string {
  if (url === '') return '(native)'
  const path = url.replace(/^file:\/\//, '')
  const nm = path.lastIndexOf('node_modules/')
  if (nm >= 0) return path.slice(nm + 'node_modules/'.length).split('/').slice(0, 1).join('/')
  if (path.startsWith('node:')) return path
  return `${relative(process.cwd(), path)}:${line + 1}`
}

/** Self time per function (summed over all its call sites), largest first. */
export function selfTimes(file: string, top = 15): { totalMs: number; rows: SelfTime[] } {
  const profile = profileSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const totals = new Map<string, { fn: string; where: string; us: number }>()
  let total = 0
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)
    const dt = profile.timeDeltas[i] ?? 0
    if (!node) return
    total += dt
    const fn = node.callFrame.functionName || '(anonymous)'
    const where = place(node.callFrame.url, node.callFrame.lineNumber)
    const key = `${fn}@${where}`
    const entry = totals.get(key) ?? { fn, where, us: 0 }
    entry.us += dt
    totals.set(key, entry)
  })
  const rows = [...totals.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((e) => ({ fn: e.fn, where: e.where, ms: Math.round(e.us / 1000), share: total === 0 ? 0 : e.us / total }))
  return { totalMs: Math.round(total / 1000), rows }
}

/** CLI: `npx tsx bench/lib/profile-summary.ts FILE.cpuprofile [N]`. */
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const file = process.argv[2]
  if (!file) throw new Error('usage: profile-summary FILE.cpuprofile [top]')
  const { totalMs, rows } = selfTimes(file, Number(process.argv[3] ?? 20))
  process.stdout.write(`total sampled ${totalMs} ms\n`)
  for (const r of rows) process.stdout.write(`${(r.share * 100).toFixed(1).padStart(5)}%  ${String(r.ms).padStart(6)} ms  ${r.fn}  ${r.where}\n`)
}
