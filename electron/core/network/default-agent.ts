import { createRequestAgent, type RequestAgent } from './agents'

let direct: RequestAgent | null = null

/** Direct, with explicit certificate checks: for a client built without network settings (tests, tools). */
export function directRequestAgent(): RequestAgent {
  direct ??= createRequestAgent({ proxy: { mode: 'none', url: '', username: '', password: '', bypass: [] }, extraCa: [] })
  return direct
}
