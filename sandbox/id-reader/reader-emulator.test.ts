import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startReaderEmulator, type RunningReaderEmulator } from './reader-emulator'
import { syntheticCards } from './synthetic-cards'
import { checkCharacter } from '../platform/gb11643'

const token = 'emulator-admin-token'
let emulator: RunningReaderEmulator
const admin = (path: string, init: RequestInit = {}, bearer = token) =>
  fetch(`${emulator.adminUrl}${path}`, { ...init, headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' } })

beforeAll(async () => {
  emulator = await startReaderEmulator({ guard: { token, boundHost: '127.0.0.1' } })
})
afterAll(() => emulator.close())

describe('reader emulator admin API', () => {
  it('answers only this run’s token', async () => {
    expect((await admin('', {}, 'wrong')).status).toBe(401)
    expect((await admin('')).status).toBe(200)
  })

  it('names an unknown card and an unknown fault', async () => {
    expect((await admin('/card', { method: 'PUT', body: JSON.stringify({ cardId: 'nobody' }) })).status).toBe(404)
    expect((await admin('/fault', { method: 'PUT', body: JSON.stringify({ fault: 'on-fire' }) })).status).toBe(400)
  })

  it('places and lifts a card, as the vendor service then answers', async () => {
    await admin('/card', { method: 'PUT', body: JSON.stringify({ cardId: 'long-term' }) })
    const read = (await (await fetch(`${emulator.cvrWebUrl}/readcard?t=1`)).json()) as { resultFlag: number; expDate: string; identityPic: string }
    expect(read).toMatchObject({ resultFlag: 0, expDate: '长期' })
    const photo = await sharp(Buffer.from(read.identityPic, 'base64')).metadata()
    expect(photo).toMatchObject({ format: 'jpeg', width: 102, height: 126 })
    await admin('/card', { method: 'DELETE' })
    expect(await (await fetch(`${emulator.zkOnlineUrl}/ScanReadIdCardInfo?OP-DEV=1&CMD-URL=4&random=2`)).json()).toEqual({ ret: 10 })
  })
})

describe('synthetic cards', () => {
  it('cover the cases the capture screen must handle, with valid check characters', () => {
    const ids = syntheticCards.map((card) => card.id)
    expect(ids).toEqual(expect.arrayContaining(['compound-ouyang', 'compound-sima', 'middle-dot', 'long-term', 'expired', 'under-16', 'permit-hong-kong', 'permit-macau', 'permit-taiwan', 'foreign-2017', 'foreign-2023']))
    for (const card of syntheticCards.filter((c) => /^\d{17}[\dX]$/.test(c.number))) {
      expect(checkCharacter(card.number.slice(0, 17)), card.id).toBe(card.number.charAt(17))
    }
    expect(syntheticCards.find((c) => c.id === 'permit-macau')?.number.slice(0, 6)).toBe('820000')
  })
})
