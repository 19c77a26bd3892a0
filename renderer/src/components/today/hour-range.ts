/**
 * The hours the chart shows: those with activity, widened to at least a branch's opening hours
 * (08:00 to 18:00), so a quiet morning does not stretch a single bar across the chart.
 */
export function hourRange(series: readonly (readonly number[])[]): number[] {
  const active = Array.from({ length: 24 }, (_, h) => h).filter((h) => series.some((s) => (s[h] ?? 0) > 0))
  const first = Math.min(8, ...active)
  const last = Math.max(18, ...active)
  return Array.from({ length: last - first + 1 }, (_, i) => first + i)
}
