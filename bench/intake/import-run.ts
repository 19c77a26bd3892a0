import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createImageIntake } from '../../electron/core/intake/image'
import { createBatchImporter } from '../../electron/core/intake/import'
import { openKycStore } from '../../electron/core/queue/store'
import { EnvKeyProvider } from '../../electron/core/vault/env-key-provider'
import { scansDir } from './scan-set'

export interface ImportTiming {
  readonly previewMs: number
  readonly commitMs: number
  readonly totalMs: number
}

const quiet = () => undefined

/**
 * The batch import as the app and `kyc-desk import --queue` run it: preview the manifest (every
 * image decoded and judged), then commit (each row re-read, normalised, encrypted and stored,
 * queued in one transaction), into a fresh store.
 */
export async function runImport(manifest: string, rows: number, parallelism: number): Promise<ImportTiming> {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-bench-import-'))
  const store = await openKycStore({ dataDir: dir, keyProvider: new EnvKeyProvider({ KYC_DESK_KEY: randomBytes(32).toString('hex') }) })
  const intake = createImageIntake({ parallelism })
  try {
    const importer = createBatchImporter({ store, intake, clock: Date.now, log: { info: quiet, warn: quiet, error: quiet }, parallelism })
    const started = performance.now()
    const preview = await importer.preview(manifest, scansDir)
    const previewed = performance.now()
    if (!preview.ok) throw new Error(`manifest refused: ${preview.problem.code}`)
    if (preview.summary.ready !== rows) {
      const first = preview.rows.find((r) => r.status !== 'ready')
      throw new Error(`only ${preview.summary.ready} of ${rows} rows ready; row ${first?.row}: ${first?.problems.map((p) => p.code).join(', ')}`)
    }
    const result = await importer.commit(preview, { operatorId: null, consent: { version: 'bench-1', at: Date.now() }, queue: true })
    const committed = performance.now()
    if (result.imported !== rows) throw new Error(`imported ${result.imported} of ${rows}`)
    return { previewMs: previewed - started, commitMs: committed - previewed, totalMs: committed - started }
  } finally {
    await intake.close()
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
