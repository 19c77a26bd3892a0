import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import { applicantCalls } from '../testing/applicant-steps'
import { createUser, postRaw } from '../testing/platform-call'

// The face-check page: single use, expiring, superseded by a newer token; and the admin shortcut.

const TOKEN_TTL_SECONDS = 60
let sandbox: RunningSandbox
let clockOffsetMs = 0

beforeAll(async () => {
  sandbox = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 0, verifyTokenTtlSeconds: TOKEN_TTL_SECONDS, clock: () => Date.now() + clockOffsetMs })
})
afterAll(() => sandbox.close())

const tokenAttachment = z.object({ verifyToken: z.string(), verifyUrl: z.string() })

async function readyApplicant() {
  const calls = applicantCalls(sandbox, await createUser(sandbox.admin))
  await calls.submitAll()
  const newToken = async () => tokenAttachment.parse((await calls.call('/ali/appToken', { source: 1 })).envelope.attachment)
  const vedioAuth = async () => (await calls.call('/ali/vedioAuth', { source: 1 })).envelope.status
  return { newToken, vedioAuth }
}

const submit = (verifyUrl: string, result: string) => postRaw(verifyUrl, 'application/x-www-form-urlencoded', `result=${result}`)

describe('face-check page', () => {
  it('is a self-contained bilingual page that records one result only', async () => {
    const applicant = await readyApplicant()
    const { verifyUrl } = await applicant.newToken()

    const page = await fetch(verifyUrl)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    const html = await page.text()
    expect(html).toMatch(/实人认证/)
    expect(html).toMatch(/Real-person verification/)
    expect(html).toContain('value="fail"')
    // Looking at the page changes nothing.
    expect(await applicant.vedioAuth()).toBe(-1002)

    expect((await submit(verifyUrl, 'fail')).text).toContain('data-result="fail"')
    expect(await applicant.vedioAuth()).toBe(-1002)
    expect((await submit(verifyUrl, 'pass')).httpStatus).toBe(409)
    expect((await fetch(verifyUrl)).status).toBe(409)
    expect(await applicant.vedioAuth()).toBe(-1002)

    const second = await applicant.newToken()
    expect((await submit(second.verifyUrl, 'pass')).httpStatus).toBe(200)
    expect(await applicant.vedioAuth()).toBe(200)
  })

  it('expires', async () => {
    const applicant = await readyApplicant()
    const { verifyUrl } = await applicant.newToken()
    clockOffsetMs = (TOKEN_TTL_SECONDS + 1) * 1000
    try {
      expect((await fetch(verifyUrl)).status).toBe(410)
      expect((await submit(verifyUrl, 'pass')).httpStatus).toBe(410)
      expect(await applicant.vedioAuth()).toBe(-1002)
    } finally {
      clockOffsetMs = 0
    }
  })

  it('is replaced by a newer token', async () => {
    const applicant = await readyApplicant()
    const first = await applicant.newToken()
    const second = await applicant.newToken()
    expect((await submit(first.verifyUrl, 'pass')).httpStatus).toBe(410)
    expect(await applicant.vedioAuth()).toBe(-1002)
    expect((await submit(second.verifyUrl, 'pass')).httpStatus).toBe(200)
  })

  it('refuses unknown tokens and results other than pass or fail', async () => {
    expect((await fetch(`${sandbox.verifyPageBase}NoSuchToken`)).status).toBe(404)
    expect((await fetch(`${sandbox.verifyPageBase}..%2F..%2Fetc`)).status).toBe(404)
    const { verifyUrl } = await (await readyApplicant()).newToken()
    expect((await submit(verifyUrl, 'maybe')).httpStatus).toBe(400)
    expect((await fetch(verifyUrl)).status).toBe(200)
  })
})

describe('admin liveness shortcut', () => {
  const post = (verifyToken: string, body: string) =>
    sandbox.admin.fetch(`/liveness/${verifyToken}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })

  it('sets the result for a token, once', async () => {
    const applicant = await readyApplicant()
    const { verifyToken } = await applicant.newToken()
    expect((await post(verifyToken, '{"result":"maybe"}')).status).toBe(400)
    expect((await post(verifyToken, '{"result":"pass"}')).status).toBe(200)
    expect(await applicant.vedioAuth()).toBe(200)
    expect((await post(verifyToken, '{"result":"fail"}')).status).toBe(409)
    expect((await post('NoSuchToken', '{"result":"pass"}')).status).toBe(404)
  })
})
