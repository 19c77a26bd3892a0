import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import { applicantCalls } from '../testing/applicant-steps'
import type { BodyEncoding } from '../testing/platform-call'
import { createUser, postRaw, stsAttachmentSchema } from '../testing/platform-call'
import { step1Params } from '../testing/sample-applicant'

// One applicant end to end, as the app will drive it: getsts, three uploads, authnew 1-4,
// authinfoNew, appToken, vedioAuth pending, the face-check page, vedioAuth passed.

let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 0 })
})
afterAll(() => sandbox.close())

const verifyTokenSchema = z.object({ verifyToken: z.string().min(16), verifyUrl: z.string().url() })

describe.each<BodyEncoding>(['form', 'json', 'json-bare-uid'])('a full applicant with %s bodies', (encoding) => {
  it('goes from getsts to a passed real-person verification', async () => {
    const user = await createUser(sandbox.admin)
    const applicant = applicantCalls(sandbox, user, encoding, 'zh_CN')

    const sts = await applicant.call('/user/getsts')
    expect(sts.envelope).toMatchObject({ status: 200, message: null })
    const credentials = stsAttachmentSchema.parse(sts.envelope.attachment)
    expect(credentials.AccessKeyId).toMatch(/^STS\./)
    expect(credentials.Expiration).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    expect(Date.parse(credentials.Expiration) - Date.now()).toBeGreaterThan(890_000)
    expect(Date.parse(credentials.Expiration) - Date.now()).toBeLessThanOrEqual(900_000)
    expect(credentials.bucket).toBe(sandbox.bucket)
    expect(JSON.parse(credentials.policy)).toEqual({
      Version: '1',
      Statement: [{ Action: ['oss:PutObject', 'oss:GetObject'], Resource: [`acs:oss:*:*:${sandbox.bucket}/kyc/${user.uid}/*`], Effect: 'Allow' }],
    })

    const keys = await applicant.submitAll()

    const info = await applicant.call('/user/authinfoNew')
    const sent = step1Params()
    expect(info.envelope.status).toBe(200)
    expect(info.envelope.attachment).toEqual({
      country: sent['country'],
      firstName: sent['firstName'],
      secondName: sent['secondName'],
      idNumber: sent['idNumber'],
      positiveImages: keys.front,
      oppositeImages: keys.back,
      handImages: keys.hand,
      birthday: sent['birthday'],
      gender: sent['gender'],
      isChina: sent['isChina'],
      singnTime: sent['singnTime'],
      outofTime: sent['outofTime'],
      isAllTime: sent['isAllTime'],
    })

    const token = await applicant.call('/ali/appToken', { source: 1 })
    expect(token.envelope.status).toBe(200)
    const { verifyToken, verifyUrl } = verifyTokenSchema.parse(token.envelope.attachment)
    expect(verifyUrl).toBe(`${sandbox.verifyPageBase}${verifyToken}`)

    expect((await applicant.call('/ali/vedioAuth', { source: 1 })).envelope).toEqual({
      attachment: null,
      message: '未认证，或认证失效，请重新认证',
      status: -1002,
    })

    const page = await fetch(verifyUrl)
    const html = await page.text()
    expect(page.status).toBe(200)
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).not.toMatch(/(src|href)=/) // no external resources
    const passForm = /<form method="post" action="([^"]+)"><input type="hidden" name="result" value="pass">/.exec(html)
    expect(passForm).not.toBeNull()
    const result = await postRaw(new URL(passForm?.[1] ?? '', sandbox.api).toString(), 'application/x-www-form-urlencoded', 'result=pass')
    expect(result.httpStatus).toBe(200)
    expect(result.text).toContain('data-result="pass"')

    expect((await applicant.call('/ali/vedioAuth', { source: 1 })).envelope).toEqual({ attachment: null, message: null, status: 200 })

    const admin = await (await sandbox.admin.fetch(`/users/${user.uid}`)).json()
    expect(admin).toMatchObject({ uid: user.uid, imageKeys: [keys.front, keys.back, keys.hand], liveness: { state: 'passed' } })
  })
})

describe('appToken for the app SDK', () => {
  it('returns the bare token for source=2', async () => {
    const user = await createUser(sandbox.admin)
    const applicant = applicantCalls(sandbox, user)
    await applicant.submitAll()
    const reply = await applicant.call('/ali/appToken', { source: 2 })
    expect(reply.envelope.status).toBe(200)
    expect(reply.envelope.attachment).toEqual(expect.stringMatching(/^[A-Za-z0-9]{32}$/))
  })
})
