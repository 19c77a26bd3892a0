import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import type { Applicant } from '../testing/applicant-steps'
import { applicantCalls } from '../testing/applicant-steps'
import type { WireParams } from '../testing/platform-call'
import { callPlatform, createUser } from '../testing/platform-call'
import { step1Params } from '../testing/sample-applicant'

// Every refusal the platform API makes, with the message it gives.

let sandbox: RunningSandbox
let user: Applicant
beforeAll(async () => {
  sandbox = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 1 })
  user = sandbox.users[0] ?? { uid: '', token: '' }
})
afterAll(() => sandbox.close())

describe('accounts', () => {
  it('refuses a wrong, missing or unknown uid or token', async () => {
    const getsts = (params: WireParams) => callPlatform(sandbox.api, '/user/getsts', params)
    const cases: [WireParams, number][] = [
      [{ uid: user.uid, token: `${user.token}x`, local: 'en_US' }, -1001],
      [{ uid: user.uid, local: 'en_US' }, -1001],
      [{ token: user.token, local: 'en_US' }, -1001],
      [{ uid: '1234567890123456789', token: user.token, local: 'en_US' }, -1001],
      [{ uid: 'abc', token: user.token, local: 'en_US' }, -1000],
      [{ uid: `0${user.uid.slice(1)}`, token: user.token, local: 'en_US' }, -1000],
      [{ uid: '9223372036854775808', token: user.token, local: 'en_US' }, -1000],
    ]
    for (const [params, status] of cases) {
      const reply = await getsts(params)
      expect(reply.httpStatus, JSON.stringify(params)).toBe(200)
      expect(reply.envelope, JSON.stringify(params)).toMatchObject({ status, attachment: null })
      expect(reply.envelope.message, JSON.stringify(params)).toBeTruthy()
    }
  })

  it('answers in the language asked for, zh_CN by default', async () => {
    const wrong = { uid: user.uid, token: 'wrong' }
    expect((await callPlatform(sandbox.api, '/user/authinfoNew', { ...wrong, local: 'en_US' })).envelope.message).toMatch(/^Not logged in/)
    expect((await callPlatform(sandbox.api, '/user/authinfoNew', { ...wrong, local: 'zh_CN' })).envelope.message).toMatch(/登录/)
    expect((await callPlatform(sandbox.api, '/user/authinfoNew', wrong)).envelope.message).toMatch(/登录/)
    expect((await callPlatform(sandbox.api, '/user/authinfoNew', { ...wrong, local: 'zh-CN' })).envelope).toMatchObject({ status: -1000, message: expect.stringContaining('local') })
  })
})

describe('authnew step 1', () => {
  const refusals: [string, WireParams, string, RegExp][] = [
    ['missing step', { step: '' }, 'step', /step is required/],
    ['unknown step', { step: 5 }, 'step', /step must be 1, 2, 3 or 4/],
    ['two-letter country', { country: 'CN' }, 'country', /ISO 3166-1 alpha-3/],
    ['mainland document from another country', { country: 'USA' }, 'country', /must be CHN when isChina=1/],
    ['empty surname', { firstName: '' }, 'firstName', /firstName is required/],
    ['blank given name', { secondName: '   ' }, 'secondName', /must not be blank/],
    ['overlong surname', { firstName: '张'.repeat(65) }, 'firstName', /at most 64 characters/],
    ['wrong check character', { idNumber: '110105194912310021' }, 'idNumber', /check character/],
    ['lower-case x', { idNumber: '11010519491231002x' }, 'idNumber', /upper-case X/],
    ['15-digit old number', { idNumber: '110105491231002' }, 'idNumber', /18-character/],
    ['unknown region', { idNumber: '990105194912310024' }, 'idNumber', /address code/],
    ['birthday not in the number', { birthday: '1949-12-30' }, 'idNumber', /date of birth/],
    ['gender not in the number', { gender: 1 }, 'idNumber', /sequence code/],
    ['impossible date', { birthday: '1949-02-30' }, 'birthday', /valid date written YYYY-MM-DD/],
    ['date in another format', { singnTime: '2025/06/01' }, 'singnTime', /YYYY-MM-DD/],
    ['gender 3', { gender: 3 }, 'gender', /1 \(male\) or 2 \(female\)/],
    ['gender as text', { gender: 'female' }, 'gender', /integer/],
    ['isChina 2', { isChina: 2 }, 'isChina', /must be 0 or 1/],
    ['isAllTime 2', { isAllTime: 2 }, 'isAllTime', /must be 0 or 1/],
    ['currentLocation 3', { currentLocation: 3 }, 'currentLocation', /resident identity card\) or 2 \(passport\)/],
    ['issued in the future', { singnTime: '2999-01-01', outofTime: '3019-01-01' }, 'singnTime', /not after today/],
    ['issued before birth', { singnTime: '1940-01-01' }, 'singnTime', /on or after birthday/],
    ['dated document without expiry', { outofTime: '' }, 'outofTime', /required when isAllTime=0/],
    ['long-term document with expiry', { isAllTime: 1 }, 'outofTime', /empty string when isAllTime=1/],
    ['expiry before issue', { outofTime: '2025-05-01' }, 'outofTime', /after the issue date/],
    ['expired document', { singnTime: '2000-01-01', outofTime: '2020-01-01' }, 'outofTime', /expired/],
    ['bad passport number', { isChina: 0, currentLocation: 2, country: 'USA', idNumber: 'E 123' }, 'idNumber', /4 to 32 letters/],
  ]

  it.each(refusals)('refuses %s', async (_name, override, field, english) => {
    const en = await applicantCalls(sandbox, user, 'form', 'en_US').authnew(step1Params(override))
    expect(en.envelope).toMatchObject({ status: -1000, attachment: null })
    expect(en.envelope.message).toContain(`Invalid parameter: ${field} `)
    expect(en.envelope.message).toMatch(english)
    const zh = await applicantCalls(sandbox, user, 'json', 'zh_CN').authnew(step1Params(override))
    expect(zh.envelope.status).toBe(-1000)
    expect(zh.envelope.message).toContain(`参数错误：${field} `)
  })

  it('accepts a passport, a long-term card and an expiry of today', async () => {
    const fresh = await createUser(sandbox.admin)
    const calls = applicantCalls(sandbox, fresh)
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const overrides: WireParams[] = [
      { isChina: 0, currentLocation: 2, country: 'USA', idNumber: 'E12345678' },
      { isAllTime: 1, outofTime: '' },
      { singnTime: '2000-01-01', outofTime: today },
    ]
    for (const override of overrides) {
      expect((await calls.authnew(step1Params(override))).envelope, JSON.stringify(override)).toMatchObject({ status: 200 })
    }
  })
})

describe('authnew steps 2 to 4', () => {
  it('refuses steps out of order', async () => {
    const fresh = await createUser(sandbox.admin)
    const calls = applicantCalls(sandbox, fresh)
    const keys = await calls.uploadImages()
    expect((await calls.authnew({ step: 2, positiveImages: keys.front, isChina: 1 })).envelope).toMatchObject({ status: -1003, message: expect.stringMatching(/Step 1 must be completed before step 2/) })
    expect((await calls.authnew(step1Params())).envelope.status).toBe(200)
    expect((await calls.authnew({ step: 3, oppositeImages: keys.back, isChina: 1 })).envelope.status).toBe(-1003)
    expect((await calls.authnew({ step: 2, positiveImages: keys.front, isChina: 1 })).envelope.status).toBe(200)
    expect((await calls.authnew({ step: 4, handImages: keys.hand, isChina: 1 })).envelope.status).toBe(-1003)
  })

  it('requires an existing object under the uid prefix, named by key or URL', async () => {
    const fresh = await createUser(sandbox.admin)
    const calls = applicantCalls(sandbox, fresh)
    const keys = await calls.uploadImages()
    expect((await calls.authnew(step1Params())).envelope.status).toBe(200)
    const step2 = (positiveImages: string, isChina = 1) => calls.authnew({ step: 2, positiveImages, isChina })

    expect((await step2(`kyc/${fresh.uid}/applicant-1/missing.jpg`)).envelope).toMatchObject({ status: -1004, message: expect.stringMatching(/does not exist/) })
    expect((await step2(`kyc/${user.uid}/applicant-1/front.jpg`)).envelope).toMatchObject({ status: -1004, message: expect.stringMatching(/outside this user's upload prefix/) })
    expect((await step2(`kyc/${fresh.uid}/../${user.uid}/front.jpg`)).envelope).toMatchObject({ status: -1000, message: expect.stringMatching(/positiveImages must be an object key/) })
    expect((await step2('')).envelope).toMatchObject({ status: -1000, message: expect.stringMatching(/positiveImages is required/) })
    expect((await step2(keys.front, 0)).envelope).toMatchObject({ status: -1000, message: expect.stringMatching(/isChina does not match isChina=1/) })

    const url = `${sandbox.oss}/${sandbox.bucket}/${keys.front}`
    expect((await step2(url)).envelope.status).toBe(200)
    expect((await calls.authnew({ step: 3, oppositeImages: keys.front, isChina: 1 })).envelope).toMatchObject({ status: -1000, message: expect.stringMatching(/same image as positiveImages/) })
    expect((await calls.call('/user/authinfoNew')).envelope.attachment).toMatchObject({ positiveImages: url })
  })
})

describe('re-sending and changing steps', () => {
  it('accepts the same data again without change', async () => {
    const fresh = await createUser(sandbox.admin)
    const calls = applicantCalls(sandbox, fresh)
    const keys = await calls.submitAll()
    expect((await calls.authnew(step1Params())).envelope.status).toBe(200)
    expect((await calls.authnew({ step: 2, positiveImages: keys.front, isChina: 1 })).envelope.status).toBe(200)
    const details = z
      .object({ calls: z.array(z.object({ outcome: z.string() })), imageKeys: z.array(z.string().nullable()) })
      .parse(await (await sandbox.admin.fetch(`/users/${fresh.uid}`)).json())
    expect(details.calls.map((entry) => entry.outcome).slice(-2)).toEqual(['unchanged', 'unchanged'])
    expect(details.imageKeys).toEqual([keys.front, keys.back, keys.hand])
  })

  it('clears steps 2-4 when step 1 changes afterwards, and locks everything once verified', async () => {
    const fresh = await createUser(sandbox.admin)
    const calls = applicantCalls(sandbox, fresh)
    const keys = await calls.submitAll()
    const firstToken = await calls.call('/ali/appToken', { source: 1 })

    expect((await calls.authnew(step1Params({ secondName: '三' }))).envelope.status).toBe(200)
    const info = await calls.call('/user/authinfoNew')
    expect(info.envelope.attachment).toMatchObject({ secondName: '三', positiveImages: null, oppositeImages: null, handImages: null })
    expect((await calls.authnew({ step: 3, oppositeImages: keys.back, isChina: 1 })).envelope.status).toBe(-1003)
    expect((await calls.call('/ali/appToken', { source: 1 })).envelope.status).toBe(-1006)
    const oldToken = (firstToken.envelope.attachment as { verifyToken: string }).verifyToken
    expect((await sandbox.admin.fetch(`/liveness/${oldToken}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"result":"pass"}' })).status).toBe(410)

    for (const [step, field, key] of [[2, 'positiveImages', keys.front], [3, 'oppositeImages', keys.back], [4, 'handImages', keys.hand]] as const) {
      expect((await calls.authnew({ step, [field]: key, isChina: 1 })).envelope.status).toBe(200)
    }
    const token = await calls.call('/ali/appToken', { source: 1 })
    const verifyToken = (token.envelope.attachment as { verifyToken: string }).verifyToken
    await sandbox.admin.fetch(`/liveness/${verifyToken}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"result":"pass"}' })

    expect((await calls.authnew(step1Params({ secondName: '三' }))).envelope.status).toBe(200)
    expect((await calls.authnew(step1Params({ secondName: '四' }))).envelope).toMatchObject({ status: -1005, message: expect.stringMatching(/can no longer be changed/) })
    expect((await calls.authnew({ step: 2, positiveImages: keys.back, isChina: 1 })).envelope.status).toBe(-1000) // same image as step 3
    expect((await calls.call('/ali/vedioAuth', { source: 1 })).envelope.status).toBe(200)
  })

  it('refuses appToken before step 4 and a bad source', async () => {
    const fresh = await createUser(sandbox.admin)
    const calls = applicantCalls(sandbox, fresh)
    expect((await calls.call('/ali/appToken', { source: 1 })).envelope).toMatchObject({ status: -1006 })
    expect((await calls.call('/ali/appToken', { source: 3 })).envelope).toMatchObject({ status: -1000, message: expect.stringMatching(/source must be 1 \(web\) or 2 \(app\)/) })
    expect((await calls.call('/ali/vedioAuth', { source: 1 })).envelope.status).toBe(-1002)
  })
})
