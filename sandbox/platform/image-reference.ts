import { resolveAddress } from '../oss/addressing'
import { objectKeyProblem } from '../oss/object-key'
import type { ObjectRepository } from '../store/objects'

/** The object key prefix an applicant's STS policy allows, and under which its images must be. */
export function uploadPrefixOf(uid: string): string {
  return `kyc/${uid}/`
}

export type ImageCheck =
  | { ok: true; key: string }
  | { ok: false; problem: 'reference' | 'outsidePrefix' | 'missing'; key?: string }

/**
 * An image field names an object either by key (`kyc/<uid>/...`) or by a URL of it (any of the
 * addressing styles the OSS endpoint accepts). It must exist in the bucket under the uid's prefix.
 */
export function checkImageReference(value: string, uid: string, bucket: string, objects: ObjectRepository): ImageCheck {
  const key = keyOf(value, bucket)
  if (key === null || objectKeyProblem(key) !== null) return { ok: false, problem: 'reference' }
  if (!key.startsWith(uploadPrefixOf(uid))) return { ok: false, problem: 'outsidePrefix', key }
  if (!objects.find(bucket, key)) return { ok: false, problem: 'missing', key }
  return { ok: true, key }
}

function keyOf(value: string, bucket: string): string | null {
  if (!/^https?:\/\//i.test(value)) return value
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.search !== '' || url.hash !== '') return null
  try {
    return resolveAddress(url.host, url.pathname, bucket).key
  } catch {
    return null
  }
}
