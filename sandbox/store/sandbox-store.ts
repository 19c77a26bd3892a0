import { join } from 'node:path'
import { createBlobStore } from './blob-files'
import { openDatabase } from './database'
import { createKycRecordRepository } from './kyc-records'
import { createLivenessTokenRepository } from './liveness-tokens'
import { createMetaRepository } from './meta'
import { createObjectRepository } from './objects'
import { createStepLogRepository } from './step-log'
import { createStsCredentialRepository } from './sts-credentials'
import { createUserRepository } from './users'

export type SandboxStore = ReturnType<typeof openSandboxStore>

/** Everything the sandbox remembers, under one data folder: `sandbox.sqlite` and `objects/`. */
export function openSandboxStore(dataDir: string) {
  const db = openDatabase(join(dataDir, 'sandbox.sqlite'))
  const blobs = createBlobStore(join(dataDir, 'objects'))

  return {
    users: createUserRepository(db),
    meta: createMetaRepository(db),
    kyc: createKycRecordRepository(db),
    stepLog: createStepLogRepository(db),
    sts: createStsCredentialRepository(db),
    liveness: createLivenessTokenRepository(db),
    objects: createObjectRepository(db),
    blobs,
    /** Forgets users, records, credentials, tokens and objects; keeps the account identity (meta). */
    async reset(): Promise<void> {
      db.transaction(() => {
        for (const table of ['step_log', 'kyc_records', 'sts_credentials', 'liveness_tokens', 'objects', 'users']) {
          db.exec(`DELETE FROM ${table}`)
        }
      })()
      await blobs.removeAll()
    },
    close(): void {
      db.close()
    },
  }
}
