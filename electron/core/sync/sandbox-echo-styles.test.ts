import { afterEach, describe, expect, it } from 'vitest'
import type { EchoStyle } from '../../../sandbox/options'
import type { Settings } from '../../../shared/domain/settings'
import { queueApplicant } from './test-support/applicants'
import { sandboxHarness, waitFor, type SandboxHarness } from './test-support/sandbox-harness'

let h: SandboxHarness | null = null
afterEach(async () => {
  await h?.close()
  h = null
})

/** Two applicants (one with a long-term document, one with an expiry date) synced against `echoStyle`. */
async function syncAgainst(echoStyle: EchoStyle, platform: Partial<Settings['platform']> = {}): Promise<{ h: SandboxHarness; ids: string[] }> {
  h = await sandboxHarness({ sandbox: { echoStyle }, platform })
  const ids: string[] = []
  for (const index of [2, 5]) ids.push(await queueApplicant(h.store, index, await h.createUser()))
  h.engine.start()
  await waitFor(() => h!.allIn(ids, ['submitted', 'needs-attention']), 20_000, 'sync finished')
  return { h, ids }
}

function reconcileError(harness: SandboxHarness, id: string) {
  const record = harness.store.applicants.get(id)
  return record?.stage === 'queued' ? record.steps.find((s) => s.name === 'reconcile')?.lastError : undefined
}

describe('reconciliation against each echo style of the sandbox', () => {
  it.each(['exact', 'masked', 'datetime', 'url'] as const)('%s: every applicant reconciles to submitted', async (style) => {
    const { h, ids } = await syncAgainst(style)
    for (const id of ids) expect({ id, status: h.status(id), error: reconcileError(h, id) ?? null }).toEqual({ id, status: 'submitted', error: null })
  })

  it('a masked echo under an exact rule stops the applicant, naming the field and the rule', async () => {
    const { h, ids } = await syncAgainst('masked', { reconcileRules: { documentNumber: 'exact' } })
    for (const id of ids) {
      expect(h.status(id)).toBe('needs-attention')
      expect(reconcileError(h, id)).toMatchObject({ kind: 'invalid', code: 'RECONCILE_MISMATCH' })
      expect(reconcileError(h, id)?.message).toContain('document number (exact rule)')
    }
  })
})
