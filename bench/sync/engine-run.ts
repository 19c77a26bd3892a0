import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { imageSlots, type ImageSlot } from '../../shared/domain/images'
import { defaultSettings, type Settings } from '../../shared/domain/settings'
import { platformWiring } from '../../electron/core/sync/sync-controller'
import { identityFor } from '../../electron/core/sync/test-support/applicants'
import { createLogger } from '../../electron/core/log/logger'
import { Redactor } from '../../electron/core/log/redact'
import { openKycStore, type KycStore } from '../../electron/core/queue/store'
import type { ImageInput } from '../../electron/core/queue/types'
import { createSyncEngine } from '../../electron/core/sync'
import { EnvKeyProvider } from '../../electron/core/vault/env-key-provider'
import type { SandboxProcess, SandboxUser } from '../lib/sandbox-process'
import type { SampleImages } from './images'

/** The settings a branch PC would have against this sandbox: defaults, with its addresses. */
export function sandboxSettings(sandbox: SandboxProcess, concurrency: number): Settings {
  return {
    ...defaultSettings,
    language: 'en',
    platform: { ...defaultSettings.platform, baseUrl: sandbox.api },
    oss: { ...defaultSettings.oss, endpoint: sandbox.oss, addressing: 'path-style' },
    sync: { ...defaultSettings.sync, concurrency },
  }
}

function imageInput(jpeg: Buffer): ImageInput {
  return { source: { jpeg }, width: 2000, height: 1250, quality: null, overrideReason: null }
}

/** Queued applicants in a fresh store, as an import or a day of offline capture leaves them. */
export async function queuedStore(users: readonly SandboxUser[], images: SampleImages, offset = 0): Promise<{ store: KycStore; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-bench-engine-'))
  const store = await openKycStore({ dataDir: dir, keyProvider: new EnvKeyProvider({ KYC_DESK_KEY: randomBytes(32).toString('hex') }) })
  await queueApplicants(store, users, images, offset)
  return { store, dir }
}

export async function queueApplicants(store: KycStore, users: readonly SandboxUser[], images: SampleImages, offset: number): Promise<string[]> {
  const ids: string[] = []
  for (const [i, binding] of users.entries()) {
    const index = offset + i
    const slots = Object.fromEntries(imageSlots.map((s) => [s, imageInput(images.image(index, s))])) as Record<ImageSlot, ImageInput>
    const created = await store.applicants.createQueued({
      identity: identityFor(index),
      binding,
      images: slots,
      operatorId: null,
      consent: { version: 'bench-1', at: Date.now() },
    })
    if (!created.ok) throw new Error(`could not queue applicant ${index}: ${created.reason}`)
    ids.push(created.id)
  }
  return ids
}

/** Resolves when `count` applicants reached `submitted`; rejects at the first step that needs a person. */
export function submittedCount(store: KycStore, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let submitted = 0
    const stop = store.onStepChange((change) => {
      if (change.state === 'failed') {
        stop()
        reject(new Error(`${change.step} failed: ${change.error?.code ?? '?'} ${change.error?.message ?? ''}`))
      } else if (change.step === 'reconcile' && change.state === 'done' && ++submitted === count) {
        stop()
        resolve()
      }
    })
  })
}

export interface PreparedRun {
  /** The timed part; resolves with its duration in ms. */
  go(): Promise<number>
  cleanup(): Promise<void>
}

/**
 * An engine over a fresh store of queued applicants, ready to start. Creating and queueing them
 * (encrypting their images) is done here, before the clock starts: that is capture's cost, not
 * sync's. `go` times from start() until every applicant is submitted.
 */
export async function prepareEngine(sandbox: SandboxProcess, users: readonly SandboxUser[], images: SampleImages, concurrency: number): Promise<PreparedRun> {
  const { store, dir } = await queuedStore(users, images)
  const settings = sandboxSettings(sandbox, concurrency)
  const redactor = new Redactor()
  const { platform, oss } = platformWiring(settings, { trainingMode: true, baseUrl: sandbox.api, ossEndpoint: sandbox.oss, ossAddressing: 'path-style' })
  const engine = createSyncEngine({
    queue: store,
    images: store.images,
    platform,
    oss,
    settings: () => settings,
    log: createLogger({ redactor, minLevel: 'warn' }),
    redactor,
    probeUrl: sandbox.api,
  })
  return {
    async go() {
      const done = submittedCount(store, users.length)
      const started = performance.now()
      engine.start()
      await done
      return performance.now() - started
    },
    async cleanup() {
      await engine.stop()
      store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
