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
  it('hands `use` exactly the file, small, pooled-size or large', async () => {
    const reader = new SealedReader()
    for (const [name, size] of [['empty', 0], ['small', 3000], ['image', 420_000], ['large', 9 * 1024 * 1024]] as const) {
      const f = file(name, size)
      expect((await reader.read(f.path, (sealed) => Buffer.from(sealed))).equals(f.content)).toBe(true)
    }
  })

  it('reuses its buffers from one read to the next', async () => {
    const reader = new SealedReader()
    const a = file('a', 400_000)
    const b = file('b', 300_000)
    const first = await reader.read(a.path, (sealed) => sealed.buffer)
    const second = await reader.read(b.path, (sealed) => sealed.buffer)
    expect(second).toBe(first)
  })

  it('gives reads in flight together buffers of their own', async () => {
    const reader = new SealedReader()
    const files = Array.from({ length: 12 }, (_, i) => file(`f${i}`, 200_000 + i * 1000))
    const read = await Promise.all(files.map((f) => reader.read(f.path, (sealed) => Buffer.from(sealed))))
    read.forEach((bytes, i) => expect(bytes.equals(files[i]!.content)).toBe(true))
  })

  it('closes the file and keeps its buffer when `use` throws, and reports a missing file', async () => {
    const reader = new SealedReader()
    const f = file('bad', 1000)
    const fds = () => readdirSync('/proc/self/fd').length
    const before = process.platform === 'linux' ? fds() : 0
    await expect(reader.read(f.path, () => {
      throw new Error('does not open')
    })).rejects.toThrow('does not open')
    if (process.platform === 'linux') expect(fds()).toBe(before)
    expect(await reader.read(f.path, (sealed) => sealed.length)).toBe(1000)
    await expect(reader.read(join(dir, 'missing'), () => 0)).rejects.toThrow(/ENOENT/)
  })
})
