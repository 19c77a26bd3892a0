import { cnIdCheckCharacter } from '../../../../shared/identity/cn-resident-id'
import type { AccountBinding, IdentityData } from '../../../../shared/domain/identity'
import type { ImageSlot } from '../../../../shared/domain/images'
import type { KycStore } from '../../queue/store'

/**
 * A valid, distinct mainland identity for each index: a Beijing address code, a birth date and
 * sequence derived from the index, and the correct GB 11643 check character, so the sandbox's
 * checks accept it. `badCheckDigit` breaks only the check character.
 */
export function identityFor(index: number, options: { badCheckDigit?: boolean } = {}): IdentityData {
  const year = 1960 + (index % 40)
  const month = String(1 + (index % 12)).padStart(2, '0')
  const day = String(1 + (index % 28)).padStart(2, '0')
  const sequence = String(100 + ((index * 2) % 900)).padStart(3, '0')
  const first17 = `110105${year}${month}${day}${sequence}`
  const check = cnIdCheckCharacter(first17)
  const wrong = check === '0' ? '1' : '0'
  return {
    country: 'CHN',
    surname: '张',
    givenName: `测试${index}`,
    documentType: 'id_card',
    documentNumber: `${first17}${options.badCheckDigit ? wrong : check}`,
    birthday: `${year}-${month}-${day}`,
    // An even sequence is a woman's (GB 11643).
    gender: 'female',
    chineseMainland: true,
    issueDate: '2020-03-01',
    validity: index % 2 === 0 ? { kind: 'long-term' } : { kind: 'until', expiryDate: '2040-03-01' },
  }
}

/** Small distinct bytes that start like a JPEG: the store and the sandbox take any bytes. */
export function fakeJpeg(index: number, slot: ImageSlot): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`applicant ${index} ${slot} `.repeat(8))])
}

/** An image input as capture hands it over (a different one for each index and slot). */
export function image(index: number, slot: ImageSlot) {
  return { source: { jpeg: fakeJpeg(index, slot) }, width: 1200, height: 800, quality: null, overrideReason: null }
}

/** Creates and queues one applicant; returns its id. */
export async function queueApplicant(
  store: KycStore,
  index: number,
  binding: AccountBinding,
  options: { badCheckDigit?: boolean; livenessAuto?: boolean } = {},
): Promise<string> {
  const { id } = await store.applicants.create({
    identity: identityFor(index, options),
    binding,
    images: { front: image(index, 'front'), back: image(index, 'back'), hand: image(index, 'hand') },
    operatorId: null,
    consent: { version: 'test-1', at: Date.now() },
    ...(options.livenessAuto ? { livenessAuto: true } : {}),
  })
  const queued = store.applicants.queue(id, null)
  if (!queued.ok) throw new Error(`could not queue applicant ${index}: ${queued.reason}`)
  return id
}
