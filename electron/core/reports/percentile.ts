/**
 * The nearest-rank percentile of sorted values (p in 0..1): a value that really occurred, which is
 * what a manager reads ("nine in ten took at most…"), never an interpolation between two people.
 */
export function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('no values')
  const rank = Math.max(1, Math.ceil(p * sorted.length))
  return sorted[Math.min(rank, sorted.length) - 1] as number
}
