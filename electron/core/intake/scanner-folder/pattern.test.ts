import { describe, expect, it } from 'vitest'
import { compileFileNamePattern } from './pattern'

function compiled(pattern: string) {
  const result = compileFileNamePattern(pattern)
  if (!result?.ok) throw new Error('expected a valid pattern')
  return result
}

describe('scanner file-name patterns', () => {
  it('reads the reference and slot from names like A7K3_front.jpg, any extension, any case', () => {
    const p = compiled('{ref}_{slot}')
    expect(p.match('A7K3_front.jpg')).toEqual({ reference: 'A7K3', slot: 'front' })
    expect(p.match('20250601-0003_BACK.tif')).toEqual({ reference: '20250601-0003', slot: 'back' })
    expect(p.match('A7K3_hand')).toEqual({ reference: 'A7K3', slot: 'hand' })
    expect(p.match('A7K3_正面.png')).toEqual({ reference: 'A7K3', slot: 'front' })
  })

  it('ignores names that do not fit', () => {
    const p = compiled('{ref}_{slot}')
    for (const name of ['scan0001.jpg', 'A7K3_side.jpg', '_front.jpg', 'A7K3 front.jpg', 'a/b_front.jpg']) expect(p.match(name), name).toBeNull()
  })

  it('supports other layouts, literal text included', () => {
    expect(compiled('{slot}-{ref}').match('back-A7K3.jpeg')).toEqual({ reference: 'A7K3', slot: 'back' })
    expect(compiled('KYC.{ref}.{slot}').match('KYC.A7K3.front.jpg')).toEqual({ reference: 'A7K3', slot: 'front' })
    expect(compiled('KYC.{ref}.{slot}').match('KYCxA7K3.front.jpg')).toBeNull()
    expect(compiled('{ref}{slot}').match('A7K3front.jpg')).toEqual({ reference: 'A7K3', slot: 'front' })
  })

  it('turns automatic assignment off when empty and refuses a pattern without both placeholders once', () => {
    expect(compileFileNamePattern('  ')).toBeNull()
    expect(compileFileNamePattern('{ref}')).toEqual({ ok: false, problem: 'placeholders' })
    expect(compileFileNamePattern('{ref}_{slot}_{slot}')).toEqual({ ok: false, problem: 'placeholders' })
  })
})
