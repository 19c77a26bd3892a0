import { originOf } from './trusted-origin'

/**
 * The origins the counter window's face check may use: the verify page's own, then the further
 * ones IT configured (the vendor's H5 pages, their CDN). Anything unusable as an origin is
 * dropped; an unusable verify page gives no origins at all.
 */
export function verifyWindowOrigins(verifyUrl: string, extraOrigins: readonly string[]): string[] {
  const own = originOf(verifyUrl)
  if (own === null) return []
  const extras = extraOrigins.map(originOf).filter((o): o is string => o !== null && o !== own)
  return [own, ...new Set(extras)]
}

