import { createHash } from 'node:crypto'
import OSS from 'ali-oss'
import axios from 'axios'
import { imageSlots } from '../../shared/domain/images'
import type { IdentityData } from '../../shared/domain/identity'
import { identityFor } from '../../electron/core/sync/test-support/applicants'
import type { SandboxProcess, SandboxUser } from '../lib/sandbox-process'
import type { PreparedRun } from './engine-run'
import type { SampleImages } from './images'

/**
 * The floor: the same nine HTTP calls per applicant as the engine makes (getsts, three puts in
 * parallel, authnew 1-4 in order, authinfoNew), with the same libraries, encodings, headers and
 * concurrency, and nothing else: no queue, no SQLite, no encryption, no retries. Written without
 * the app's platform client so that none of its code is in the floor.
 */
type Form = Record<string, string | number>

const stepFields = { front: ['positiveImages', 2], back: ['oppositeImages', 3], hand: ['handImages', 4] } as const

function identityForm(identity: IdentityData): Form {
  return {
    step: 1,
    country: identity.country,
    firstName: identity.surname,
    secondName: identity.givenName,
    idNumber: identity.documentNumber,
    birthday: identity.birthday,
    gender: identity.gender === 'male' ? 1 : 2,
    isChina: identity.chineseMainland ? 1 : 0,
    singnTime: identity.issueDate,
    outofTime: identity.validity.kind === 'until' ? identity.validity.expiryDate : '',
    isAllTime: identity.validity.kind === 'long-term' ? 1 : 0,
    currentLocation: identity.documentType === 'id_card' ? 1 : 2,
  }
}

interface Envelope {
  status: number
  message?: string
  attachment?: unknown
}

interface StsAttachment {
  AccessKeyId: string
  AccessKeySecret: string
  SecurityToken: string
  bucket: string
}

async function call(sandbox: SandboxProcess, path: string, user: SandboxUser, params: Form): Promise<unknown> {
  const form = new URLSearchParams()
  for (const [k, v] of Object.entries({ uid: user.uid, token: user.token, local: 'en_US', ...params })) form.append(k, String(v))
  const response = await axios.post<Envelope>(`${sandbox.api}${path}`, form.toString(), {
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', accept: 'application/json' },
    timeout: 20_000,
  })
  if (response.data.status !== 200) throw new Error(`${path}: ${response.data.status} ${response.data.message ?? ''}`)
  return response.data.attachment
}

async function syncOne(sandbox: SandboxProcess, user: SandboxUser, index: number, images: SampleImages): Promise<void> {
  const sts = (await call(sandbox, '/user/getsts', user, {})) as StsAttachment
  const client = new OSS({
    endpoint: sandbox.oss,
    bucket: sts.bucket,
    region: sandbox.region,
    secure: false,
    accessKeyId: sts.AccessKeyId,
    accessKeySecret: sts.AccessKeySecret,
    stsToken: sts.SecurityToken,
    timeout: 120_000,
    refreshSTSTokenInterval: 3_600_000,
    sldEnable: true,
    retryMax: 0,
  } as OSS.Options)
  const keys = await Promise.all(
    imageSlots.map(async (slot) => {
      const body = images.image(index, slot)
      const key = `kyc/${user.uid}/bare-${index}/${slot}.jpg`
      const md5 = createHash('md5').update(body).digest('base64')
      await client.put(key, body, { headers: { 'Content-MD5': md5, 'Content-Type': 'image/jpeg' }, timeout: 120_000 })
      return key
    }),
  )
  const identity = identityFor(index)
  await call(sandbox, '/user/authnew', user, identityForm(identity))
  for (const [i, slot] of imageSlots.entries()) {
    const [field, step] = stepFields[slot]
    await call(sandbox, '/user/authnew', user, { step, [field]: keys[i] ?? '', isChina: identity.chineseMainland ? 1 : 0 })
  }
  await call(sandbox, '/user/authinfoNew', user, {})
}

/** A bare run: `concurrency` applicants in flight, as the engine has. Nothing to set up. */
export async function prepareBare(sandbox: SandboxProcess, users: readonly SandboxUser[], images: SampleImages, concurrency: number): Promise<PreparedRun> {
  return {
    async go() {
      let next = 0
      const started = performance.now()
      const worker = async () => {
        for (let i = next++; i < users.length; i = next++) {
          const user = users[i]
          if (user) await syncOne(sandbox, user, i, images)
        }
      }
      await Promise.all(Array.from({ length: concurrency }, worker))
      return performance.now() - started
    },
    cleanup: async () => undefined,
  }
}
