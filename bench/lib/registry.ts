import type { Benchmark } from './types'

type Loader = () => Promise<{ run: Benchmark }>

/** Every benchmark, in the order `npm run bench` runs them (the dashboard last: it needs a build). */
export const benchmarks = {
  sync: () => import('../sync/main'),
  link: () => import('../link/main'),
  intake: () => import('../intake/main'),
  queue: () => import('../queue/main'),
  memory: () => import('../memory/main'),
  startup: () => import('../startup/main'),
  dashboard: () => import('../dashboard/main'),
} satisfies Record<string, Loader>

export type BenchName = keyof typeof benchmarks

export function isBenchName(name: string): name is BenchName {
  return Object.hasOwn(benchmarks, name)
}

/** The memory benchmark reads its own heap after forced collections. */
export const nodeFlags: Partial<Record<BenchName, readonly string[]>> = { memory: ['--expose-gc'] }
