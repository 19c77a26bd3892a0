import type { Bilingual, Language, Refusal } from './status-codes'
import { Status } from './status-codes'

/** Every response of the platform has this shape, success or not (`status == 200` is success). */
export interface Envelope {
  attachment: unknown
  message: string | null
  status: number
}

export function success(attachment: unknown = null): Envelope {
  return { attachment, message: null, status: Status.ok }
}

export function failure(refusal: Refusal, language: Language): Envelope {
  return { attachment: null, message: pick(refusal.message, language), status: refusal.status }
}

export function pick(text: Bilingual, language: Language): string {
  return text[language]
}
