import type { RunningSandbox } from '../index'
import { ossClient } from './oss-client'
import type { BodyEncoding, PlatformReply, WireParams } from './platform-call'
import { callPlatform, getSts } from './platform-call'
import { fakeJpeg, step1Params } from './sample-applicant'

// Test support: one applicant's calls, bound to an account, for the flow and validation tests.

export interface Applicant {
  uid: string
  token: string
}

export function applicantCalls(sandbox: RunningSandbox, user: Applicant, encoding: BodyEncoding = 'form', local = 'en_US') {
  const call = (path: string, params: WireParams = {}): Promise<PlatformReply> =>
    callPlatform(sandbox.api, path, { uid: user.uid, token: user.token, local, ...params }, encoding)

  return {
    call,
    authnew: (params: WireParams) => call('/user/authnew', params),
    /** Uploads the three images with the account's own STS credentials; returns their keys. */
    async uploadImages(): Promise<{ front: string; back: string; hand: string }> {
      const client = ossClient(sandbox, await getSts(sandbox.api, user))
      const keys = {
        front: `kyc/${user.uid}/applicant-1/front.jpg`,
        back: `kyc/${user.uid}/applicant-1/back.jpg`,
        hand: `kyc/${user.uid}/applicant-1/hand.jpg`,
      }
      for (const [name, key] of Object.entries(keys)) await client.put(key, fakeJpeg(name))
      return keys
    },
    /** Steps 1-4 with valid data; returns the image keys. */
    async submitAll(step1: WireParams = {}): Promise<{ front: string; back: string; hand: string }> {
      const keys = await this.uploadImages()
      const replies = [
        await call('/user/authnew', step1Params(step1)),
        await call('/user/authnew', { step: 2, positiveImages: keys.front, isChina: 1 }),
        await call('/user/authnew', { step: 3, oppositeImages: keys.back, isChina: 1 }),
        await call('/user/authnew', { step: 4, handImages: keys.hand, isChina: 1 }),
      ]
      const refused = replies.find((reply) => reply.envelope.status !== 200)
      if (refused) throw new Error(`authnew refused: ${refused.envelope.message ?? ''}`)
      return keys
    },
  }
}
