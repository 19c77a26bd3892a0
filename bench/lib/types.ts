/** The one shape every benchmark hands back to the runner (bench/results.json). */
export interface BenchResult {
  readonly name: string
  /** Measured numbers, named with their unit (`engineMedianMs`, `requestsPerApplicant`). */
  readonly metrics: Readonly<Record<string, number>>
  /** The target in words, e.g. `engine / bare <= 1.10`. */
  readonly target: string
  /** The headline ratio against the floor, or null where the target is absolute. */
  readonly ratio: number | null
  readonly passed: boolean
  /** What dominated, breakdowns, anything a reader needs to trust the numbers. */
  readonly notes: string
}

export interface BenchOptions {
  /** Short run: all benchmarks together in under two minutes. */
  readonly quick: boolean
}

export type Benchmark = (options: BenchOptions) => Promise<BenchResult>
