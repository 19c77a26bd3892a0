import { describe, expect, it } from 'vitest'
import { memoryImageFolder } from './image-folder'

describe('memoryImageFolder (browser mode uploads)', () => {
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0x00])
  const folder = memoryImageFolder('images', new Map([['sub/a.jpg', jpeg]]))

  it('finds a file under any spelling the manifest may use, as on disk', async () => {
    for (const name of ['sub/a.jpg', 'sub\\a.jpg', './sub//a.jpg']) {
      expect(await folder.resolve(name, 100)).toEqual({ ok: true, path: 'sub/a.jpg', bytes: 4 })
    }
    expect(await folder.read('sub/a.jpg')).toEqual({ bytes: jpeg, stamp: await folder.stamp('sub/a.jpg') })
  })

  it('refuses a way out of the folder, a missing file and one over the cap', async () => {
    expect(await folder.resolve('../a.jpg', 100)).toMatchObject({ ok: false, problem: { code: 'file.traversal' } })
    expect(await folder.resolve('/etc/a.jpg', 100)).toMatchObject({ ok: false, problem: { code: 'file.absolute' } })
    expect(await folder.resolve('b.jpg', 100)).toMatchObject({ ok: false, problem: { code: 'file.not-found', name: 'b.jpg' } })
    expect(await folder.resolve('sub/a.jpg', 3)).toMatchObject({ ok: false, problem: { code: 'file.too-large', bytes: 4, maxBytes: 3 } })
  })
})
