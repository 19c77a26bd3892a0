import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { defaultSettings, settingsSchema, type Settings } from '../../../../shared/domain/settings'
import { startReaderEmulator, type RunningReaderEmulator } from '../../../../sandbox/id-reader/reader-emulator'
import { createLogger } from '../../log/logger'
import { Redactor } from '../../log/redact'
import { chipQueueRules } from './chip-queue-rules'
import { IdCardReaderSession } from './reader-session'

const token = 'session-test-token'
let emulator: RunningReaderEmulator
const admin = (path: string, method: string, body?: unknown) =>
  fetch(`${emulator.adminUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) })

beforeAll(async () => {
  emulator = await startReaderEmulator({ guard: { token, boundHost: '127.0.0.1' } })
})
afterAll(() => emulator.close())
beforeEach(async () => {
  await admin('/card', 'DELETE')
  await admin('/fault', 'PUT', { fault: null })
})

function session(settings: Settings, training = true) {
  const lines: string[] = []
  const log = createLogger({ redactor: new Redactor(), echo: (line) => lines.push(line) })
  const reader = new IdCardReaderSession({ settings: () => settings, training: () => (training ? emulator : null), log, pause: async () => undefined })
  return { reader, lines }
}

const draft = 'draft-0000-0001'

describe('IdCardReaderSession', () => {
  it('reads through the emulator in training mode, keeps the card for the draft, and logs no personal data', async () => {
    await admin('/card', 'PUT', { cardId: 'compound-ouyang' })
    const { reader, lines } = session(defaultSettings)
    const read = await reader.read(draft)
    expect(read).toMatchObject({ outcome: 'read', card: { nameZh: '欧阳娜娜' }, photoDataUrl: expect.stringMatching(/^data:image\/jpeg;base64,/) })
    expect(reader.chipFor(draft)?.number).toBe('110101199503080021')
    expect(lines.join('\n')).toContain('reader.read')
    expect(lines.join('\n')).not.toMatch(/欧阳|110101199503080021|base64/)
    await reader.close()
  })

  it('is off outside training mode until an admin chooses a reader', async () => {
    const { reader } = session(defaultSettings, false)
    expect(await reader.status()).toMatchObject({ adapter: 'off', state: 'off', emulated: false })
    expect(await reader.read(draft)).toEqual({ outcome: 'no-device' })
    const chosen = settingsSchema.parse({ idCardReader: { adapter: 'zk-online', zkOnlineUrl: emulator.zkOnlineUrl } })
    expect(await session(chosen, false).reader.status()).toMatchObject({ adapter: 'zk-online', state: 'idle' })
  })

  it('answers a cancelled wait as cancelled', async () => {
    const { reader } = session(defaultSettings)
    const pending = reader.read(draft)
    reader.cancel()
    expect(await pending).toEqual({ outcome: 'cancelled' })
  })
})

describe('chipQueueRules', () => {
  it('refuses a permit card unless the platform takes permits, and asks a reason for an edited chip field', async () => {
    await admin('/card', 'PUT', { cardId: 'permit-hong-kong' })
    const refuse = session(defaultSettings)
    await refuse.reader.read(draft)
    const form = { surname: '陈', givenName: '家明', documentNumber: '81000019800815001X', country: 'HKG' }
    expect(chipQueueRules(refuse.reader, () => defaultSettings).issuesFor(draft, { identity: form, consent: true, overrides: [] })).toMatchObject([
      { code: 'chip.card-not-accepted', severity: 'error' },
    ])
    const accepting = settingsSchema.parse({ idCardReader: { acceptResidencePermits: true } })
    const rules = chipQueueRules(refuse.reader, () => accepting)
    expect(rules.issuesFor(draft, { identity: form, consent: true, overrides: [] })).toEqual([])
    expect(rules.issuesFor(draft, { identity: { ...form, givenName: '嘉明' }, consent: true, overrides: [] })).toMatchObject([
      { field: 'surname', code: 'chip.edited', severity: 'warning', params: { chipValue: '陈家明' } },
    ])
    expect(rules.kindOf(draft)).toBe('hmt-permit')
    rules.forget(draft)
    expect(rules.issuesFor(draft, { identity: form, consent: true, overrides: [] })).toEqual([])
  })
})
