import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AccountBinding, IdentityData } from '../../../shared/domain/identity'
import { imageSlots, type ImageSlot } from '../../../shared/domain/images'
import type { StepName } from '../../../shared/domain/steps'
import { EnvKeyProvider } from '../vault/env-key-provider'
import type { KeyProvider } from '../vault/key-provider'
import { openKycStore, type KycStore, type KycStoreOptions } from './store'
import type { StepTransition } from './transitions'
import type { CreateApplicantInput, ImageInput } from './types'

/** Test data only. Distinctive values so a raw byte search cannot match by accident. */
export const identity: IdentityData = {
  country: 'CHN',
  surname: '欧阳',
  givenName: '明轩',
  documentType: 'id_card',
  documentNumber: '11010519491231002X',
  birthday: '1949-12-31',
  gender: 'male',
  chineseMainland: true,
  issueDate: '2015-06-01',
  validity: { kind: 'until', expiryDate: '2035-06-01' },
}

export const passportIdentity: IdentityData = {
  country: 'GBR',
  surname: 'FOTHERINGHAM',
  givenName: 'PERCIVAL',
  documentType: 'passport',
  documentNumber: 'X93751846',
  birthday: '1980-02-29',
  gender: 'male',
  chineseMainland: false,
  issueDate: '2020-01-15',
  validity: { kind: 'until', expiryDate: '2030-01-15' },
}

export const binding: AccountBinding = { uid: '9007199254740993123', token: 'tk_8c1f0e9d7b6a5f4e3d2c1b0a99887766' }

const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff])
export function fakeJpeg(size = 2048): Buffer {
  return Buffer.concat([JPEG_SIGNATURE, Buffer.from([0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), randomBytes(size), Buffer.from([0xff, 0xd9])])
}

export function imageInput(jpeg: Buffer = fakeJpeg(), overrideReason: string | null = null): ImageInput {
  return { source: { jpeg }, width: 1600, height: 1000, quality: { verdict: 'ok', sharpness: 0.91 }, overrideReason }
}

export function allImages(): Record<ImageSlot, ImageInput> {
  return Object.fromEntries(imageSlots.map((s) => [s, imageInput()])) as Record<ImageSlot, ImageInput>
}

export const consent = { version: 'pipl-2024-01', at: 1_700_000_000_000 }

export interface TestStore {
  readonly store: KycStore
  readonly dir: string
  readonly clock: { now: number; advance(ms: number): number }
  reopen(options?: Partial<KycStoreOptions>): Promise<KycStore>
  cleanup(): void
}

export function testKeyProvider(): KeyProvider {
  return new EnvKeyProvider({ KYC_DESK_KEY: randomBytes(32).toString('hex') })
}

export async function openTestStore(options: Partial<KycStoreOptions> = {}): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-store-'))
  const clock = {
    now: 1_700_000_000_000,
    advance(ms: number) {
      this.now += ms
      return this.now
    },
  }
  const keyProvider = options.keyProvider ?? testKeyProvider()
  const open = (extra: Partial<KycStoreOptions>) => openKycStore({ dataDir: dir, keyProvider, now: () => clock.now, ...options, ...extra })
  let store = await open({})
  return {
    get store() {
      return store
    },
    dir,
    clock,
    async reopen(extra = {}) {
      store.close()
      store = await open(extra)
      return store
    },
    cleanup() {
      store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export function completeDraft(): CreateApplicantInput {
  return { identity, binding, images: allImages(), operatorId: null, consent }
}

export async function createQueued(store: KycStore, who: IdentityData = identity): Promise<string> {
  const { id } = await store.applicants.create({ identity: who, binding, images: allImages(), operatorId: null, consent })
  const queued = store.applicants.queue(id, null)
  if (!queued.ok) throw new Error(`queue refused: ${queued.reason}`)
  return id
}

/** Runs one step through started and done, as the engine would. */
export function runStep(store: KycStore, id: string, name: StepName): void {
  const started = store.steps.markStep(id, name, { kind: 'started' })
  if (!started.ok) throw new Error(`start ${name} refused: ${started.reason}`)
  const done: StepTransition =
    name.startsWith('upload:')
      ? { kind: 'done', data: { objectKey: `kyc/${binding.uid}/${id}/${name.slice(7)}-abc.jpg` } }
      : name === 'liveness:token'
        ? { kind: 'done', data: { verifyToken: 'vt_secret_0011223344', verifyUrl: null, expiresAt: 1_800_000_000_000 } }
        : { kind: 'done' }
  const finished = store.steps.markStep(id, name, done)
  if (!finished.ok) throw new Error(`finish ${name} refused: ${finished.reason}`)
}

export function runSteps(store: KycStore, id: string, names: readonly StepName[]): void {
  for (const name of names) runStep(store, id, name)
}
