import type { RandomSource } from '../common/rng'
import { seededRandom } from '../common/rng'
import type { FaultProfile, FaultRule, FaultTarget } from './fault-profile'
import { patternToRegExp } from './fault-profile'

export type FaultAction = 'none' | 'error' | 'drop' | 'dropMidUpload'

export interface FaultDecision {
  latencyMs: number
  action: FaultAction
}

/** What the profile has done since it was set: the evidence that rates are what was asked for. */
export interface FaultCounters {
  matched: number
  delayed: number
  errors: number
  drops: number
  midUploadDrops: number
}

export type FaultInjector = ReturnType<typeof createFaultInjector>

const zeroCounters = (): FaultCounters => ({ matched: 0, delayed: 0, errors: 0, drops: 0, midUploadDrops: 0 })

/**
 * Holds the current fault profile and decides, per request, whether it meets a fault. The first
 * rule that matches applies; one uniform draw is split into [drop | 500 | mid-upload drop | none],
 * so each rate is the fraction of matching requests that meet that fault.
 */
export function createFaultInjector() {
  let profile: FaultProfile | null = null
  let compiled: { rule: FaultRule; path: RegExp }[] = []
  let random: RandomSource = seededRandom(1)
  let counters = zeroCounters()

  return {
    set(next: FaultProfile): void {
      profile = next
      compiled = next.rules.map((rule) => ({ rule, path: patternToRegExp(rule.pathPattern) }))
      random = seededRandom(next.seed)
      counters = zeroCounters()
    },
    clear(): void {
      profile = null
      compiled = []
      counters = zeroCounters()
    },
    snapshot(): { profile: FaultProfile | null; counters: FaultCounters } {
      return { profile, counters: { ...counters } }
    },
    decide(target: FaultTarget, method: string, path: string, hasBody: boolean): FaultDecision | null {
      const match = compiled.find(
        ({ rule, path: pattern }) =>
          (rule.target === 'both' || rule.target === target) &&
          (rule.method === undefined || rule.method === method) &&
          pattern.test(path),
      )
      if (!match) return null
      const { rule } = match
      const draw = random()
      let action: FaultAction = 'none'
      if (draw < rule.dropRate) action = 'drop'
      else if (draw < rule.dropRate + rule.errorRate) action = 'error'
      else if (draw < rule.dropRate + rule.errorRate + rule.dropMidUploadRate && hasBody) action = 'dropMidUpload'

      counters.matched++
      if (rule.latencyMs > 0) counters.delayed++
      if (action === 'error') counters.errors++
      if (action === 'drop') counters.drops++
      if (action === 'dropMidUpload') counters.midUploadDrops++
      return { latencyMs: rule.latencyMs, action }
    },
  }
}
