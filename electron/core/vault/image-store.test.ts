import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DecryptionError } from './cipher'
import { ImageStore } from './image-store'
import { Vault } from './vault'

const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff])
function fakeJpeg(size = 4096): Buffer {
  return Buffer.concat([JPEG_SIGNATURE, Buffer.from([0xe0]), Buffer.from('JFIF'), randomBytes(size), Buffer.from([0xff, 0xd9])])
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

let dir: string
let referenced: Set<string>
let store: ImageStore
const vault = new Vault(randomBytes(32), 'test', { kind: 'test', secure: true })

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-images-'))
  referenced = new Set()
  store = new ImageStore({ dir, vault, isReferenced: (s) => referenced.has(s) })
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function allFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
}

describe('ImageStore', () => {
  it('stores encrypted under <2 hex>/<sha256>.bin and reads back verified plaintext', async () => {
    const jpeg = fakeJpeg()
    const hash = await store.put(jpeg)
    expect(hash).toBe(sha(jpeg))
    expect(store.pathFor(hash)).toBe(join(dir, hash.slice(0, 2), `${hash}.bin`))
    const raw = readFileSync(store.pathFor(hash))
    expect(raw.includes(JPEG_SIGNATURE)).toBe(false)
    expect(raw.includes(Buffer.from('JFIF'))).toBe(false)
    expect(await store.get(hash)).toEqual(jpeg)
  })

  it('is idempotent: the same image twice is one file, written once', async () => {
    const jpeg = fakeJpeg()
    const hash = await store.put(jpeg)
    const first = readFileSync(store.pathFor(hash))
    expect(await store.put(jpeg)).toBe(hash)
    expect(readFileSync(store.pathFor(hash))).toEqual(first)
    await Promise.all([store.put(fakeJpeg()), store.put(jpeg), store.put(jpeg)])
    expect(allFiles(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('refuses a file swapped for another image or tampered with', async () => {
    const a = await store.put(fakeJpeg())
    const b = await store.put(fakeJpeg())
    writeFileSync(store.pathFor(a), readFileSync(store.pathFor(b)))
    await expect(store.get(a)).rejects.toThrow(DecryptionError)
    const other = new ImageStore({ dir, vault: new Vault(randomBytes(32), 'x', { kind: 'test', secure: true }), isReferenced: () => false })
    await expect(other.get(b)).rejects.toThrow(DecryptionError)
    const sealed = readFileSync(store.pathFor(b))
    sealed.writeUInt8((sealed.at(-40) ?? 0) ^ 1, sealed.length - 40)
    writeFileSync(store.pathFor(b), sealed)
    await expect(store.get(b)).rejects.toThrow(DecryptionError)
    writeFileSync(store.pathFor(b), sealed.subarray(0, 100))
    await expect(store.get(b)).rejects.toThrow(DecryptionError)
  })

  it('deletes only images no applicant references', async () => {
    const hash = await store.put(fakeJpeg())
    referenced.add(hash)
    expect(store.deleteIfUnreferenced(hash)).toBe('referenced')
    expect(store.has(hash)).toBe(true)
    referenced.delete(hash)
    expect(store.deleteIfUnreferenced(hash)).toBe('deleted')
    expect(store.has(hash)).toBe(false)
    expect(store.deleteIfUnreferenced(hash)).toBe('missing')
  })

  it('after a simulated crash, a leftover temp file is never read and is swept; orphans too', async () => {
    const jpeg = fakeJpeg()
    const hash = sha(jpeg)
    // A put that died between creating its temp file and the rename: half of the ciphertext.
    mkdirSync(join(dir, hash.slice(0, 2)), { recursive: true })
    const temp = join(dir, hash.slice(0, 2), `.${hash}.bin.dead00.tmp`)
    writeFileSync(temp, vault.sealFile(jpeg, hash).subarray(0, 100))
    expect(store.has(hash)).toBe(false)
    await expect(store.get(hash)).rejects.toThrow(/ENOENT/)
    // The next put does the whole write again and is unaffected by the leftover.
    expect(await store.put(jpeg)).toBe(hash)
    expect(await store.get(hash)).toEqual(jpeg)
    // An image written but never referenced (crash before the row committed).
    const orphan = await store.put(fakeJpeg())
    referenced.add(hash)
    // Too recent: a put in progress may be about to reference them.
    expect(await store.sweep(60_000)).toEqual({ tempFiles: 0, orphans: 0 })
    const old = new Date(Date.now() - 120_000)
    for (const f of allFiles(dir)) utimesSync(f, old, old)
    expect(await store.sweep(60_000)).toEqual({ tempFiles: 1, orphans: 1 })
    expect(existsSync(temp)).toBe(false)
    expect(store.has(orphan)).toBe(false)
    expect(await store.get(hash)).toEqual(jpeg)
  })

  it('sweeps an images folder that does not exist yet', async () => {
    const empty = new ImageStore({ dir: join(dir, 'nope'), vault, isReferenced: () => false })
    expect(await empty.sweep(0)).toEqual({ tempFiles: 0, orphans: 0 })
  })
})

describe('Content-MD5 digests', () => {
  const md5 = (b: Buffer) => createHash('md5').update(b).digest('base64')

  function withDigests() {
    const book = new Map<string, string>()
    const lookups: string[] = []
    const digests = {
      record: (s: string, m: string) => void (book.has(s) || book.set(s, m)),
      md5Of: (s: string) => (lookups.push(s), book.get(s)),
      forget: (s: string) => void book.delete(s),
    }
    return { book, lookups, store: new ImageStore({ dir, vault, isReferenced: (s) => referenced.has(s), digests }) }
  }

  it('are computed once, when the image is stored, and served with it for upload', async () => {
    const t = withDigests()
    const jpeg = fakeJpeg()
    const hash = await t.store.put(jpeg)
    expect(t.book.get(hash)).toBe(md5(jpeg))
    // A stored digest is what the upload sends; the bytes are not hashed again.
    t.book.set(hash, 'recorded-digest-is-used-aaa')
    expect(await t.store.readForUpload(hash)).toEqual({ bytes: jpeg, contentMd5: 'recorded-digest-is-used-aaa' })
  })

  it('are not recorded when the image file could not be written', async () => {
    const t = withDigests()
    writeFileSync(join(dir, 'blocked'), 'a file where a folder should be')
    const blocked = new ImageStore({ dir: join(dir, 'blocked'), vault, isReferenced: () => false, digests: { record: (s, m) => void t.book.set(s, m), md5Of: () => undefined, forget: () => undefined } })
    await expect(blocked.put(fakeJpeg())).rejects.toThrow()
    expect(t.book.size).toBe(0)
  })

  it('are computed and recorded on first upload for an image stored before them, and forgotten with the file', async () => {
    const jpeg = fakeJpeg()
    const hash = await store.put(jpeg) // a store without a digest book, as before migration 003
    const t = withDigests()
    expect(await t.store.readForUpload(hash)).toEqual({ bytes: jpeg, contentMd5: md5(jpeg) })
    expect(t.book.get(hash)).toBe(md5(jpeg))
    expect(t.store.deleteIfUnreferenced(hash)).toBe('deleted')
    expect(t.book.has(hash)).toBe(false)
  })
})
