/** Milliseconds since the epoch. Injected so tests can move time without sleeping. */
export type Clock = () => number

export const systemClock: Clock = () => Date.now()

/** ISO-8601 UTC with second precision, the way Aliyun STS writes `Expiration` (`2020-05-12T08:11:31Z`). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

/**
 * Today's calendar date as `YYYY-MM-DD` in China Standard Time (UTC+8, no daylight saving): the
 * platform is a Chinese service, so "not in the future" and "not expired" are judged on its calendar.
 */
export function chinaToday(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}
