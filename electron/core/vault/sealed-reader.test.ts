import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SealedReader } from './sealed-reader'

let dir = ''
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-sealed-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function file(name: string, bytes: number): { path: string; content: Buffer } {
  const content = randomBytes(bytes)
  const path = join(dir, name)
  writeFileSync(path, content)
  return { path, content }
}

describe('SealedReader', () => {
  it('hands `use` exactly the file, small, kept-size or large', () => {
    const reader = new SealedReader()
    for (const [name, size] of [['empty', 0], ['small', 3000], ['image', 420_000], ['large', 9 * 1024 * 1024], ['after-large', 5000]] as const) {
      const f = file(name, size)
      expect(reader.read(f.path, (sealed) => Buffer.from(sealed)).equals(f.content)).toBe(true)
    }
  })

  it('reuses one buffer from read to read, grows it for a larger file, and does not keep a huge one', () => {
    const reader = new SealedReader()
    const first = reader.read(file('a', 400_000).path, (sealed) => sealed.buffer)
    expect(reader.read(file('b', 300_000).path, (sealed) => sealed.buffer)).toBe(first)
    const grown = reader.read(file('c', 2 * 1024 * 1024).path, (sealed) => sealed.buffer)
    expect(grown).not.toBe(first)
    const huge = reader.read(file('d', 9 * 1024 * 1024).path, (sealed) => sealed.buffer)
    expect(huge).not.toBe(grown)
    expect(reader.read(file('e', 1000).path, (sealed) => sealed.buffer)).toBe(grown)
  })

  it('closes the file when `use` throws, and reports a missing file', () => {
    const reader = new SealedReader()
    const f = file('bad', 1000)
    const fds = () => readdirSync('/proc/self/fd').length
    const before = process.platform === 'linux' ? fds() : 0
    expect(() =>
      reader.read(f.path, () => {
        throw new Error('does not open')
      }),
    ).toThrow('does not open')
    if (process.platform === 'linux') expect(fds()).toBe(before)
    expect(reader.read(f.path, (sealed) => sealed.length)).toBe(1000)
    expect(() => reader.read(join(dir, 'missing'), () => 0)).toThrow(/ENOENT/)
  })
})
