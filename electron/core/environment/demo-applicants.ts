import sharp from 'sharp'
import { z } from 'zod'
import type { AccountBinding, IdentityData } from '../../../shared/domain/identity'
import { imageSlots, type ImageSlot } from '../../../shared/domain/images'
import { cnIdCheckCharacter } from '../../../shared/identity/cn-resident-id'
import { legalCnIdValidity } from '../../../shared/identity/document-dates'
import type { KycStore } from '../queue/store'
import type { ImageInput } from '../queue/types'
import type { TrainingEndpoints } from './training-mode'

const people = [
  { surname: '王', givenName: '芳', gender: 'female' },
  { surname: '李', givenName: '伟', gender: 'male' },
  { surname: '张', givenName: '秀英', gender: 'female' },
  { surname: '刘', givenName: '洋', gender: 'male' },
  { surname: '陈', givenName: '静', gender: 'female' },
  { surname: '杨', givenName: '磊', gender: 'male' },
] as const

/** A valid mainland resident identity (GB 11643 check character, sequence parity matching the gender). */
export function demoIdentity(index: number): IdentityData {
  const person = people[index % people.length] ?? people[0]
  const year = 1970 + ((index * 7) % 30)
  const month = String(1 + ((index * 5) % 12)).padStart(2, '0')
  const day = String(1 + ((index * 11) % 28)).padStart(2, '0')
  const base = 100 + ((index * 2) % 800)
  const sequence = String(person.gender === 'male' ? base + 1 : base).padStart(3, '0')
  const first17 = `310104${year}${month}${day}${sequence}`
  const issueDate = '2019-06-01'
  // The validity the law sets for the holder's age at issue, so the identity rules raise no warning.
  const legal = legalCnIdValidity(`${year}-${month}-${day}`, issueDate)
  return {
    country: 'CHN',
    surname: person.surname,
    givenName: person.givenName,
    documentType: 'id_card',
    documentNumber: `${first17}${cnIdCheckCharacter(first17)}`,
    birthday: `${year}-${month}-${day}`,
    gender: person.gender,
    chineseMainland: true,
    issueDate,
    validity: legal === null || legal.kind === 'long-term' ? { kind: 'long-term' } : { kind: 'until', expiryDate: legal.expiryDate },
  }
}

const captions: Record<ImageSlot, string> = { front: 'DEMO · ID FRONT', back: 'DEMO · ID BACK', hand: 'DEMO · HAND-HELD' }
const colours: Record<ImageSlot, string> = { front: '#dbe7f5', back: '#e6f0e0', hand: '#f3e6d8' }

/** A plain card-like JPEG with a caption, so training images are obviously not real documents. */
export async function demoImage(slot: ImageSlot): Promise<ImageInput> {
  const width = 1200
  const height = 760
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${colours[slot]}"/>
    <rect x="40" y="40" width="${width - 80}" height="${height - 80}" rx="36" fill="none" stroke="#6b7c93" stroke-width="6"/>
    <rect x="90" y="170" width="300" height="380" rx="16" fill="#b9c4d2"/>
    <text x="460" y="260" font-family="sans-serif" font-size="64" fill="#2d3a4a">${captions[slot]}</text>
    <text x="460" y="360" font-family="sans-serif" font-size="40" fill="#4a5a6e">kyc-desk training sample</text>
  </svg>`
  const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer()
  return { source: { jpeg }, width, height, quality: null, overrideReason: null }
}

const createdAccount = z.object({ uid: z.string(), token: z.string() })

/**
 * A fresh sandbox account per demo applicant (the platform keeps one record per account, so two
 * applicants on one account would overwrite each other). Falls back to the seeded demo accounts
 * when the sandbox's admin API does not answer.
 */
async function sandboxAccount(training: TrainingEndpoints, index: number): Promise<AccountBinding | null> {
  try {
    const response = await training.admin.fetch('/users', { method: 'POST', body: '{}', signal: AbortSignal.timeout(5_000) })
    if (response.ok) return createdAccount.parse(await response.json())
  } catch {
    // Use a seeded account below.
  }
  return training.users[index % Math.max(1, training.users.length)] ?? null
}

/**
 * Training mode: queued applicants with generated identities and images, each bound to its own
 * sandbox account, so staff can practise the whole flow without a customer.
 */
export async function addDemoApplicants(
  store: KycStore,
  training: TrainingEndpoints,
  count: number,
  operatorId: string | null,
  now: number,
): Promise<number> {
  const images = Object.fromEntries(await Promise.all(imageSlots.map(async (slot) => [slot, await demoImage(slot)] as const))) as Record<ImageSlot, ImageInput>
  const offset = store.applicants.list({ limit: 1 }).total
  let created = 0
  for (let i = 0; i < count; i += 1) {
    const account = await sandboxAccount(training, offset + i)
    if (!account) continue
    const result = await store.applicants.createQueued({
      identity: demoIdentity(offset + i),
      binding: { uid: account.uid, token: account.token },
      images,
      operatorId,
      consent: { version: 'training-demo', at: now },
    })
    if (result.ok) created += 1
  }
  return created
}
