import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkImageName, resolveImagePath } from './image-path'

describe('image file names in a manifest', () => {
  it('refuses absolute paths on any platform and any way up out of the folder', () => {
    for (const name of ['/etc/passwd', 'C:\\Windows\\x.jpg', 'c:x.jpg', '\\\\server\\share\\a.jpg', '\\a.jpg']) {
      expect(checkImageName(name)?.code, name).toBe('file.absolute')
    }
    for (const name of ['../a.jpg', 'sub/../../a.jpg', 'sub\\..\\..\\a.jpg']) expect(checkImageName(name)?.code, name).toBe('file.traversal')
    expect(checkImageName('sub/a.jpg')).toBeNull()
  })

  it('resolves names in subfolders with either separator, and refuses links leading outside', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kyc-paths-'))
    const images = join(root, 'images')
    mkdirSync(join(images, 'sub'), { recursive: true })
    writeFileSync(join(images, 'sub', 'a.jpg'), 'x')
    writeFileSync(join(root, 'secret.jpg'), 'x')
    symlinkSync(join(root, 'secret.jpg'), join(images, 'link.jpg'))
    expect(await resolveImagePath(images, 'sub\\a.jpg', 100)).toMatchObject({ ok: true, bytes: 1 })
    expect(await resolveImagePath(images, 'link.jpg', 100)).toEqual({ ok: false, problem: { code: 'file.outside', name: 'link.jpg' } })
    expect(await resolveImagePath(images, 'missing.jpg', 100)).toEqual({ ok: false, problem: { code: 'file.not-found', name: 'missing.jpg' } })
    expect(await resolveImagePath(images, 'sub', 100)).toEqual({ ok: false, problem: { code: 'file.not-a-file', name: 'sub' } })
    expect(await resolveImagePath(images, 'sub/a.jpg', 0)).toMatchObject({ ok: false, problem: { code: 'file.too-large' } })
  })
})
