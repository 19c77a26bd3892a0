import type { WireParams } from './wire-schemas'

export type BodyEncoding = 'form' | 'json'

/**
 * Encodes parameters for the platform. In JSON the uid is written as a bare number, as a Java
 * Long expects, from its decimal string: JSON.stringify of a JS number would round ids past 2^53.
 */
export function encodeBody(params: WireParams, encoding: BodyEncoding): { body: string; contentType: string } {
  if (encoding === 'form') {
    const form = new URLSearchParams()
    for (const [k, v] of Object.entries(params)) form.append(k, String(v))
    return { body: form.toString(), contentType: 'application/x-www-form-urlencoded;charset=UTF-8' }
  }
  const parts = Object.entries(params).map(([k, v]) => {
    const value = k === 'uid' && typeof v === 'string' && /^[1-9][0-9]{0,18}$/.test(v) ? v : JSON.stringify(v)
    return `${JSON.stringify(k)}:${value}`
  })
  return { body: `{${parts.join(',')}}`, contentType: 'application/json;charset=UTF-8' }
}
