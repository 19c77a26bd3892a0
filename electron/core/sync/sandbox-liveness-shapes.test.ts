import { afterEach, describe, expect, it } from 'vitest'
import type { AppTokenShape } from '../../../sandbox/options'
import { queueApplicant } from './test-support/applicants'
import { sandboxHarness, waitFor, type SandboxHarness } from './test-support/sandbox-harness'
import { originOf } from '../ipc/trusted-origin'

let h: SandboxHarness | null = null
afterEach(async () => {
  await h?.close()
  h = null
})

/** Syncs one applicant to submitted against a sandbox answering appToken in `shape`, then asks for liveness. */
async function submittedThenLiveness(shape: AppTokenShape, platform: { verifyUrlTemplate?: string } = {}, verifyHop = false) {
  h = await sandboxHarness({ sandbox: { appTokenShape: shape, verifyHop }, platform })
  const user = await h.createUser()
  const id = await queueApplicant(h.store, 3, user)
  h.engine.start()
  await waitFor(() => h!.status(id) === 'submitted', 20_000, 'submitted')
  expect(h.engine.startLiveness(id)).toMatchObject({ ok: true })
  return { h, id }
}

/** What the customer does on the verify page: open it, follow its form (wherever it posts), choose pass. */
async function passOnVerifyPage(url: string): Promise<string> {
  const page = await fetch(url)
  expect(page.status).toBe(200)
  const action = /<form method="post" action="([^"]+)"/.exec(await page.text())?.[1]
  if (action === undefined) throw new Error('the verify page has no form')
  const target = new URL(action, url).toString()
  const answer = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'result=pass' })
  expect(answer.status).toBe(200)
  return target
}

async function verifiedThroughPage(shape: AppTokenShape, platform: { verifyUrlTemplate?: string } = {}, verifyHop = false): Promise<{ page: string; posted: string }> {
  const { h, id } = await submittedThenLiveness(shape, platform, verifyHop)
  await waitFor(() => h.store.steps.stepData(id, 'liveness:token') !== null, 10_000, 'verify link kept')
  expect(h.status(id)).toBe('liveness-pending')
  const page = h.store.steps.stepData(id, 'liveness:token')?.verifyUrl
  if (!page) throw new Error('no verify page kept')
  expect(page.startsWith(h.sandbox.verifyPageBase)).toBe(true)
  const posted = await passOnVerifyPage(page)
  await waitFor(() => h.status(id) === 'verified', 20_000, 'verified')
  return { page, posted }
}

async function attentionWith(shape: AppTokenShape, code: string): Promise<string> {
  const { h, id } = await submittedThenLiveness(shape)
  await waitFor(() => h.status(id) === 'needs-attention', 10_000, 'needs-attention')
  const record = h.store.applicants.get(id)
  const token = record?.stage === 'queued' ? record.steps.find((s) => s.name === 'liveness:token') : undefined
  expect(token).toMatchObject({ state: 'failed', lastError: { kind: 'invalid', code } })
  return token?.lastError?.message ?? ''
}

describe('every /ali/appToken hand-off shape, synced through the sandbox', () => {
  it('object {verifyToken, verifyUrl}: the page is shown and the applicant ends verified', async () => {
    await verifiedThroughPage('object')
  })

  it('a bare page URL: the same, with the page as the kept secret', async () => {
    await verifiedThroughPage('url')
  })

  it('a bare token with a verify page template: the page is built from the template', async () => {
    const { page } = await verifiedThroughPageWithTemplate()
    expect(page).toMatch(/\/verify\/[A-Za-z0-9]+$/)
  })

  it('a bare token without a template: needs attention, telling IT to set the template', async () => {
    expect(await attentionWith('token', 'VERIFY_URL_MISSING')).toContain('verify page URL template')
  })

  it('null, the document example: needs attention, naming the missing verify token', async () => {
    expect(await attentionWith('null', 'VERIFY_TOKEN_MISSING')).toMatch(/without a verify token/)
  })

  it('a verify flow that hops to a second origin still ends verified', async () => {
    const { page, posted } = await verifiedThroughPage('object', {}, true)
    expect(originOf(posted)).not.toBe(originOf(page))
  })
})

/** The sandbox's port is known only once it runs, so the template is set after start, as IT would set it. */
async function verifiedThroughPageWithTemplate(): Promise<{ page: string; posted: string }> {
  h = await sandboxHarness({ sandbox: { appTokenShape: 'token' } })
  h.settings.platform.verifyUrlTemplate = `${h.sandbox.verifyPageBase}{token}`
  const user = await h.createUser()
  const id = await queueApplicant(h.store, 4, user)
  h.engine.start()
  await waitFor(() => h!.status(id) === 'submitted', 20_000, 'submitted')
  expect(h.engine.startLiveness(id)).toMatchObject({ ok: true })
  await waitFor(() => h!.store.steps.stepData(id, 'liveness:token') !== null, 10_000, 'verify link kept')
  const page = h.store.steps.stepData(id, 'liveness:token')?.verifyUrl
  if (!page) throw new Error('no verify page built')
  const posted = await passOnVerifyPage(page)
  await waitFor(() => h!.status(id) === 'verified', 20_000, 'verified')
  return { page, posted }
}
