import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { UploadStore, uploadLimits } from './uploads'

describe('UploadStore', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  const announceFolder = (store: UploadStore) => {
    const announced = store.announce({ kind: 'folder', name: 'images', files: [{ name: 'sub\\a.jpg', size: 2 }] })
    if (!announced.ok) throw new Error(announced.refusal.message)
    return announced.id
  }

  it('hands a complete upload over once, by the names the import uses', () => {
    const store = new UploadStore()
    const id = announceFolder(store)
    expect(store.take(id, 'folder')).toMatchObject({ status: 409 })
    expect(store.receive(id, 0, Buffer.from('ab'))).toBeNull()
    expect(store.take(id, 'manifest')).toMatchObject({ status: 404 })
    const taken = store.take(id, 'folder')
    expect('files' in taken && [...taken.files.keys()]).toEqual(['sub/a.jpg'])
    expect(store.take(id, 'folder')).toMatchObject({ status: 404 })
  })

  it('drops an untaken upload after its lifetime, and the oldest past the pending cap', () => {
    const store = new UploadStore()
    const old = announceFolder(store)
    store.receive(old, 0, Buffer.from('ab'))
    vi.advanceTimersByTime(uploadLimits.lifetimeMs)
    expect(store.take(old, 'folder')).toMatchObject({ status: 404 })
    const ids = Array.from({ length: uploadLimits.pending + 1 }, () => announceFolder(store))
    expect(store.receive(ids[0] ?? '', 0, Buffer.from('ab'))).toMatchObject({ status: 404 })
    expect(store.receive(ids.at(-1) ?? '', 0, Buffer.from('ab'))).toBeNull()
    store.close()
  })
})
