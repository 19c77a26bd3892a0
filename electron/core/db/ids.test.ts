import { describe, expect, it } from 'vitest'
import { newSortableId, sortableIdPattern } from './ids'

describe('newSortableId', () => {
  it('is a UUIDv7 whose text order is creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => newSortableId(1_700_000_000_000 + Math.floor(i / 1000)))
    for (const id of ids) expect(id).toMatch(sortableIdPattern)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('stays ordered when the clock steps back', () => {
    const a = newSortableId(1_800_000_000_000)
    const b = newSortableId(1_700_000_000_000)
    expect(b > a).toBe(true)
  })
})
