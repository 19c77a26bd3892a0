/**
 * Runs one benchmark in this process and writes its result where the runner asked: each
 * benchmark gets a fresh process, so one's heap, native caches and sharp settings never colour
 * the next one's numbers.
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { benchmarks, isBenchName } from './registry'

const { values, positionals } = parseArgs({ allowPositionals: true, options: { quick: { type: 'boolean' }, out: { type: 'string' } } })
const name = positionals[0] ?? ''
if (!isBenchName(name) || !values.out) throw new Error(`usage: child-entry <${Object.keys(benchmarks).join('|')}> --out FILE [--quick]`)
const load = benchmarks[name]
const { run } = await load()
const result = await run({ quick: values.quick ?? false })
writeFileSync(values.out, JSON.stringify(result))
// Libraries that keep sockets or worker threads alive (ali-oss agents, Playwright) must not hold the runner up.
process.exit(0)
