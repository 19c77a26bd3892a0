import { readFile } from 'node:fs/promises'
import { median, round } from '../lib/stats'
import type { BenchOptions, BenchResult } from '../lib/types'
import { runBare } from './bare-pipeline'
import { runImport, type ImportTiming } from './import-run'
import { ensureScans, scanPaths, writeManifest } from './scan-set'

const TARGET = 1.15
const log = (line: string) => process.stderr.write(`${line}\n`)

export async function run({ quick }: BenchOptions): Promise<BenchResult> {
  const n = quick ? 30 : 300
  const pairs = quick ? 1 : 2
  await ensureScans(n, log)
  const manifest = writeManifest(n)
  const paths = scanPaths(n)
  // Both sides read from the page cache, not from the disk the first run would have paid for.
  for (const p of paths) await readFile(p)
  await runBare(paths.slice(0, 6), 2)

  const imports: ImportTiming[] = []
  const bares: number[] = []
  for (let i = 0; i < pairs; i += 1) {
    imports.push(await runImport(manifest, n, 2))
    bares.push(await runBare(paths, 2))
    log(`intake: pair ${i + 1}/${pairs}: import ${Math.round(imports.at(-1)?.totalMs ?? 0)} ms, bare ${Math.round(bares.at(-1) ?? 0)} ms`)
  }
  // Both cores: the import at parallelism 1 against 2. The quick run times it on its first ten
  // applicants only, and skips the floor's one-core run, to stay within its time.
  const speedRows = quick ? 10 : n
  const speedManifest = quick ? writeManifest(speedRows) : manifest
  const single = await runImport(speedManifest, speedRows, 1)
  const double = quick ? await runImport(speedManifest, speedRows, 2) : null
  const singleBare = quick ? null : await runBare(paths, 1)
  log(`intake: parallelism 1: import ${Math.round(single.totalMs)} ms${singleBare === null ? '' : `, bare ${Math.round(singleBare)} ms`}`)

  const importMs = median(imports.map((t) => t.totalMs))
  const previewMs = median(imports.map((t) => t.previewMs))
  const commitMs = median(imports.map((t) => t.commitMs))
  const bareMs = median(bares)
  const ratio = importMs / bareMs
  return {
    name: 'intake',
    metrics: {
      applicants: n,
      images: paths.length,
      importMedianMs: round(importMs, 0),
      previewMedianMs: round(previewMs, 0),
      commitMedianMs: round(commitMs, 0),
      bareMedianMs: round(bareMs, 0),
      importMsPerImage: round(importMs / paths.length, 1),
      bareMsPerImage: round(bareMs / paths.length, 1),
      commitOnlyRatio: round(commitMs / bareMs, 3),
      importParallelism1Ms: round(single.totalMs, 0),
      importSpeedupTwoCores: round(single.totalMs / (double?.totalMs ?? importMs), 2),
      ...(singleBare === null ? {} : { bareParallelism1Ms: round(singleBare, 0), bareSpeedupTwoCores: round(singleBare / bareMs, 2) }),
    },
    target: `import (preview + commit) / bare <= ${TARGET.toFixed(2)}`,
    ratio: round(ratio, 3),
    passed: ratio <= TARGET,
    notes:
      `Scans: 4000x3000 JPEG q90 with text and noise, ~2.7 MB, hand photos stored sideways (EXIF orientation 6). ` +
      `${quick ? `Speed-up timed on ${speedRows} applicants. ` : ''}Parallelism 2 runs: import ${imports.map((t) => `${Math.round(t.previewMs)}+${Math.round(t.commitMs)}`).join(', ')} ms (preview+commit); bare ${bares.map(Math.round).join(', ')} ms.`,
  }
}
