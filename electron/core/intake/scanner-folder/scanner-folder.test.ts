import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { appendFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { setTimeout as sleep } from 'node:timers/promises'
import { binding, identity, openTestStore, type TestStore } from '../../queue/test-fixtures'
import { createImageIntake, type ImageIntake } from '../image'
import { renderCard } from '../import/test-fixtures/card-images'
import { applicants } from '../import/test-fixtures/manifests'
import { judgeFolder } from './folder-policy'
import { createScannerFolder, type InboxEvent, type InboxItem, type ScannerFolder } from './index'

const person = applicants[0]!.person
let intake: ImageIntake
let front: Buffer
let back: Buffer
let blurred: Buffer
beforeAll(async () => {
  intake = createImageIntake({ parallelism: 2 })
  front = await renderCard(person, 'front')
  back = await renderCard(person, 'back')
  blurred = await sharp(front).blur(12).jpeg().toBuffer()
})
afterAll(() => intake.close())

let t: TestStore
let dir: string
let scanner: ScannerFolder
let events: InboxEvent[]
let reference: string
let applicantId: string
let signedIn: string | null

function open(pattern = '{ref}_{slot}') {
  scanner = createScannerFolder(
    { applicants: t.store.applicants, intake, clock: () => t.clock.now, log: { info: () => undefined, warn: () => undefined, error: () => undefined }, dataDir: t.dir },
    { folder: dir, pattern, stabilityMs: 150, pollIntervalMs: 20, operatorId: () => signedIn },
  )
  scanner.subscribe((e) => events.push(e))
  return scanner
}

beforeEach(async () => {
  t = await openTestStore()
  dir = mkdtempSync(join(tmpdir(), 'kyc-scanner-'))
  events = []
  signedIn = 'op-1'
  const draft = await t.store.applicants.create({ identity, binding, operatorId: null, consent: null })
  reference = draft.reference
  applicantId = draft.id
})
afterEach(async () => {
  await scanner?.stop()
  t.cleanup()
  rmSync(dir, { recursive: true, force: true })
})

/** Waits until the inbox settles into the state the test expects. */
async function until<T>(probe: () => T | undefined | null | false, what: string): Promise<T> {
  for (let waited = 0; waited < 15_000; waited += 25) {
    await scanner.settled()
    const value = probe()
    if (value) return value
    await sleep(25)
  }
  throw new Error(`timed out waiting for ${what}`)
}

const item = (name: string, state: InboxItem['state'] = 'ready') => () => scanner.list().find((i) => i.name === name && i.state === state)
const folderFiles = () => readdirSync(dir).sort()
const images = () => {
  const record = t.store.applicants.get(applicantId)
  return record?.stage === 'draft' ? record.images : {}
}

describe('scanner folder', () => {
  it('lists a dropped file with its size, time and a thumbnail, ignoring temporary files', async () => {
    expect(await open().start()).toEqual({ ok: true })
    writeFileSync(join(dir, '~$scan.jpg'), front)
    writeFileSync(join(dir, 'scan0001.part'), front)
    writeFileSync(join(dir, 'scan0001.jpg'), front)
    const found = await until(item('scan0001.jpg'), 'the dropped file')
    expect(found).toMatchObject({ size: front.length, reason: null, warnings: [], match: null, image: { width: 1000, height: 640 }, hasThumbnail: true })
    expect(scanner.list().map((i) => i.name)).toEqual(['scan0001.jpg'])
    const thumb = await sharp(scanner.thumbnail(found.id) ?? Buffer.alloc(0)).metadata()
    expect([thumb.format, thumb.width]).toEqual(['jpeg', 320])
  })

  it('assigns a pattern-named file to the applicant by reference and deletes it from the folder', async () => {
    writeFileSync(join(dir, `${reference}_front.jpg`), front)
    await open().start()
    await until(() => events.find((e) => e.kind === 'removed' && e.cause === 'assigned'), 'the automatic assignment')
    expect(folderFiles()).toEqual([])
    expect(scanner.list()).toEqual([])
    expect(images().front).toMatchObject({ width: 1000, height: 640, overrideReason: null })
    expect(t.store.events.listForApplicant(applicantId).map((e) => e.type)).toEqual(['captured', 'edited'])
    expect(t.store.events.listForApplicant(applicantId).at(-1)?.operatorId).toBe('op-1')
  })

  it('holds a pattern-named file in the inbox while nobody is signed in', async () => {
    signedIn = null
    writeFileSync(join(dir, `${reference}_front.jpg`), front)
    await open().start()
    const held = await until(() => scanner.list().find((i) => i.reason?.code === 'auto.locked'), 'the held file')
    expect(held.name).toBe(`${reference}_front.jpg`)
    expect(folderFiles()).toEqual([`${reference}_front.jpg`])
    expect(images().front).toBeUndefined()
  })

  it('keeps a bad file in the folder and the inbox with its reason', async () => {
    await open().start()
    writeFileSync(join(dir, `${reference}_back.jpg`), back.subarray(0, back.length >> 1))
    writeFileSync(join(dir, 'notes.jpg'), '%PDF-1.7 not an image')
    const truncated = await until(item(`${reference}_back.jpg`, 'rejected'), 'the truncated scan')
    expect(truncated.reason?.code).toBe('image.truncated')
    expect(truncated.reason).toMatchObject({ code: 'image.truncated', reason: { key: 'imageFile.truncated' } })
    const pdf = await until(item('notes.jpg', 'rejected'), 'the PDF')
    expect(pdf.reason).toMatchObject({ code: 'image.pdf-unsupported', reason: { key: 'imageFile.pdf-unsupported' } })
    expect(folderFiles()).toEqual(['notes.jpg', `${reference}_back.jpg`].sort())
    expect(images().back).toBeUndefined()
    expect(await scanner.assign(pdf.id, { applicantId, slot: 'back', operatorId: null })).toMatchObject({ ok: false, reason: 'unusable' })
    // Discarding a file that is not an image takes it off the list, and leaves it on disk.
    expect(await scanner.discard(pdf.id)).toBe(true)
    expect(scanner.list().map((i) => i.name)).toEqual([`${reference}_back.jpg`])
    expect(await scanner.discard(truncated.id)).toBe(true)
    expect(folderFiles()).toEqual(['notes.jpg'])
  })

  it('holds files it cannot assign by itself, with the reason, for the operator to assign', async () => {
    await open().start()
    writeFileSync(join(dir, 'ZZ99_front.jpg'), front)
    writeFileSync(join(dir, `${reference}_hand.jpg`), blurred)
    const unknown = await until(item('ZZ99_front.jpg'), 'the unknown reference')
    expect(unknown.reason).toMatchObject({ code: 'auto.no-applicant', reason: { key: 'scannerInbox.auto.no-applicant', params: { reference: expect.stringContaining('ZZ99') } } })
    const soft = await until(() => scanner.list().find((i) => i.name.endsWith('_hand.jpg') && i.reason?.code === 'auto.quality'), 'the blurred scan')
    expect(soft.warnings.map((w) => w.code)).toEqual(['quality.blurred'])

    expect(await scanner.assign(unknown.id, { applicantId, slot: 'back', operatorId: 'op-1' })).toMatchObject({ ok: true, slot: 'back', fileRemoved: true })
    expect(await scanner.assign(soft.id, { applicantId, slot: 'hand', operatorId: 'op-1' })).toMatchObject({ ok: false, reason: 'needs-override' })
    expect(await scanner.assign(soft.id, { applicantId, slot: 'hand', operatorId: 'op-1', overrideReason: 'customer in a hurry; rescan refused' })).toMatchObject({ ok: true })
    expect(images()).toMatchObject({ back: { overrideReason: null }, hand: { overrideReason: 'customer in a hurry; rescan refused' } })
    expect(folderFiles()).toEqual([])
    expect(t.store.events.listForApplicant(applicantId).map((e) => e.type)).toContain('override')
  })

  it('waits until a slowly written file is complete before reading it', async () => {
    await open().start()
    const path = join(dir, `${reference}_back.jpg`)
    await writeFile(path, back.subarray(0, 4096))
    for (let offset = 4096; offset < back.length; offset += 8192) {
      await sleep(40)
      await appendFile(path, back.subarray(offset, offset + 8192))
    }
    await until(() => events.find((e) => e.kind === 'removed' && e.cause === 'assigned'), 'the assignment')
    expect(events.some((e) => e.kind === 'changed' && e.item.state === 'rejected')).toBe(false)
    expect(existsSync(path)).toBe(false)
  })

  it('refuses to start on a missing folder or a pattern without both placeholders', async () => {
    expect(await open('{ref}').start()).toMatchObject({ ok: false, code: 'pattern-invalid' })
    dir = join(dir, 'missing')
    expect(await open().start()).toMatchObject({ ok: false, code: 'folder-missing', words: { key: 'settings.scannerFolder.missing' } })
  })
})

describe('finding 1: the scanner folder cannot reach kyc-desk\'s data or the system', () => {
  it('refuses the data folder, a folder in or above it, a link to it, a file and a relative path', async () => {
    const inData = join(t.dir, 'images')
    mkdirSync(inData, { recursive: true })
    const link = join(dir, 'looks-harmless')
    symlinkSync(t.dir, link)
    for (const folder of [t.dir, inData, join(t.dir, '..'), link]) {
      dir = folder
      const started = await open().start()
      expect(started, folder).toMatchObject({ ok: false, code: 'folder-refused', words: { key: 'settings.scannerFolder.data-folder' } })
    }
    writeFileSync(join(inData, 'a-file'), 'x')
    dir = join(inData, 'a-file')
    expect(await open().start()).toMatchObject({ ok: false, code: 'folder-refused', words: { key: 'settings.scannerFolder.not-a-directory' } })
    dir = 'scans'
    expect(await open().start()).toMatchObject({ ok: false, code: 'folder-refused', words: { key: 'settings.scannerFolder.not-absolute' } })
    expect(scanner.list()).toEqual([])
  })

  it('judges the profile\'s application folders, system folders and drive roots on Windows and POSIX', () => {
    const windows = { platform: 'win32' as const, home: 'C:\\Users\\clerk', env: { APPDATA: 'C:\\Users\\clerk\\AppData\\Roaming', SystemRoot: 'C:\\Windows' } }
    const data = 'C:\\Users\\clerk\\AppData\\Roaming\\kyc-desk\\data'
    expect(judgeFolder('C:\\Users\\clerk\\AppData\\Local\\Temp', data, windows)).toBe('app-folder')
    expect(judgeFolder('c:\\windows\\system32', data, windows)).toBe('system-folder')
    expect(judgeFolder('C:\\Program Files\\Scanner', data, windows)).toBe('system-folder')
    expect(judgeFolder('D:\\', data, windows)).toBe('system-folder')
    expect(judgeFolder('C:\\USERS\\CLERK\\APPDATA\\ROAMING\\KYC-DESK', data, windows)).toBe('data-folder')
    expect(judgeFolder('C:\\Users\\clerk\\Documents\\Scans', data, windows)).toBeNull()
    expect(judgeFolder('\\\\branch-nas\\scans', data, windows)).toBeNull()
    const linux = { platform: 'linux' as const, home: '/home/clerk', env: {} }
    expect(judgeFolder('/home/clerk/.config/kyc-desk', '/home/clerk/.config/kyc-desk/data', linux)).toBe('data-folder')
    expect(judgeFolder('/home/clerk/.config/Code', '/home/clerk/.config/kyc-desk/data', linux)).toBe('app-folder')
    expect(judgeFolder('/etc', '/home/clerk/.config/kyc-desk/data', linux)).toBe('system-folder')
    expect(judgeFolder('/', '/home/clerk/.config/kyc-desk/data', linux)).toBe('system-folder')
    expect(judgeFolder('/home/clerk/Scans', '/home/clerk/.config/kyc-desk/data', linux)).toBeNull()
    expect(judgeFolder('/home/clerk/Library/Application Support', '/data', { platform: 'darwin', home: '/home/clerk', env: {} })).toBe('app-folder')
  })

  it('neither reads nor deletes a link to a file elsewhere, nor deletes a file that is not an image', async () => {
    const secret = join(t.dir, 'data-key.json')
    writeFileSync(secret, '{"wrapped":"keep me"}')
    symlinkSync(secret, join(dir, `${reference}_front.jpg`))
    writeFileSync(join(dir, 'kyc-desk.db-wal'), Buffer.alloc(4096, 7))
    await open().start()
    const linked = await until(item(`${reference}_front.jpg`, 'rejected'), 'the link')
    const wal = await until(item('kyc-desk.db-wal', 'rejected'), 'the stray file')
    expect(linked).toMatchObject({ reason: { code: 'file.not-regular' }, deletable: false })
    expect(wal).toMatchObject({ reason: { code: 'image.not-an-image' }, deletable: false })
    expect(await scanner.discard(linked.id)).toBe(true)
    expect(await scanner.discard(wal.id)).toBe(true)
    expect(scanner.list()).toEqual([])
    expect(readFileSync(secret, 'utf8')).toBe('{"wrapped":"keep me"}')
    expect(folderFiles()).toEqual([`${reference}_front.jpg`, 'kyc-desk.db-wal'])
    expect(images().front).toBeUndefined()
  })
})
