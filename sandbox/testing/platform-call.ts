import { z } from 'zod'
import type { SandboxAdmin } from '../index'

// Test support: calls the platform API the way the app will, with either body encoding.

export const envelopeSchema = z.object({
  attachment: z.unknown(),
  message: z.string().nullable(),
  status: z.number().int(),
})
export type TestEnvelope = z.infer<typeof envelopeSchema>

export type WireParams = Record<string, string | number>
/** `json-bare-uid` sends uid as an unquoted JSON number, as a Java client with a Long field would. */
export type BodyEncoding = 'form' | 'json' | 'json-bare-uid'

export interface PlatformReply {
  httpStatus: number
  envelope: TestEnvelope
}

export async function callPlatform(api: string, path: string, params: WireParams, encoding: BodyEncoding = 'form'): Promise<PlatformReply> {
  const json = JSON.stringify(params)
  const body =
    encoding === 'form'
      ? new URLSearchParams(Object.entries(params).map(([name, value]): [string, string] => [name, String(value)])).toString()
      : encoding === 'json-bare-uid'
        ? json.replace(/"uid":"(\d+)"/, '"uid":$1')
        : json
  const response = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { 'content-type': encoding === 'form' ? 'application/x-www-form-urlencoded' : 'application/json' },
    body,
  })
  return { httpStatus: response.status, envelope: envelopeSchema.parse(await response.json()) }
}

/** Sends a raw body with a chosen content type (for malformed-input tests). */
export async function postRaw(url: string, contentType: string | null, body: string | Buffer): Promise<{ httpStatus: number; text: string }> {
  const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {}
  const response = await fetch(url, { method: 'POST', headers, body })
  return { httpStatus: response.status, text: await response.text() }
}

export const stsAttachmentSchema = z.object({
  SecurityToken: z.string(),
  AccessKeyId: z.string(),
  AccessKeySecret: z.string(),
  Expiration: z.string(),
  bucket: z.string(),
  RoleSessionName: z.string(),
  RoleArn: z.string(),
  policy: z.string(),
})
export type TestStsAttachment = z.infer<typeof stsAttachmentSchema>

export async function getSts(api: string, user: { uid: string; token: string }): Promise<TestStsAttachment> {
  const reply = await callPlatform(api, '/user/getsts', { uid: user.uid, token: user.token, local: 'en_US' })
  if (reply.envelope.status !== 200) throw new Error(`getsts refused: ${reply.envelope.message ?? ''}`)
  return stsAttachmentSchema.parse(reply.envelope.attachment)
}

export const userSchema = z.object({ uid: z.string(), token: z.string() })

/** A fresh account from the admin API, so each test starts from an empty record. */
export async function createUser(admin: SandboxAdmin, wanted: { uid?: string; token?: string } = {}): Promise<z.infer<typeof userSchema>> {
  const response = await admin.fetch('/users', { method: 'POST', body: JSON.stringify(wanted) })
  if (response.status !== 201) throw new Error(`could not create user: ${response.status} ${await response.text()}`)
  return userSchema.parse(await response.json())
}
