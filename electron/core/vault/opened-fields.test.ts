import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { OpenedFields } from './opened-fields'
import { Vault } from './vault'

const schema = z.object({ name: z.string(), validity: z.object({ until: z.string() }) })

function setUp(capacity?: number) {
  const vault = new Vault(randomBytes(32), 'k', { kind: 'test', secure: true })
  let opens = 0
  const counting = {
    openJson: <T>(sealed: Buffer, context: { applicantId: string; field: string }, s: z.ZodType<T>) => {
      opens += 1
      return vault.openJson(sealed, context, s)
    },
  }
  const seal = (applicantId: string, value: z.infer<typeof schema>) => vault.sealJson(value, { applicantId, field: 'identity' })
  return { fields: new OpenedFields(counting, capacity), seal, opens: () => opens }
}

describe('OpenedFields', () => {
  it('decrypts a field once while its ciphertext is unchanged, and again after an edit', () => {
    const t = setUp()
    const sealed = t.seal('a1', { name: '欧阳明轩', validity: { until: '2035-06-01' } })
    const first = t.fields.openJson(sealed, { applicantId: 'a1', field: 'identity' }, schema)
    expect(t.fields.openJson(Buffer.from(sealed), { applicantId: 'a1', field: 'identity' }, schema)).toBe(first)
    expect(t.opens()).toBe(1)

    const edited = t.seal('a1', { name: '欧阳明', validity: { until: '2035-06-01' } })
    expect(t.fields.openJson(edited, { applicantId: 'a1', field: 'identity' }, schema).name).toBe('欧阳明')
    expect(t.opens()).toBe(2)
  })

  it('hands out frozen values, since every caller shares them', () => {
    const t = setUp()
    const value = t.fields.openJson(t.seal('a1', { name: 'x', validity: { until: 'y' } }), { applicantId: 'a1', field: 'identity' }, schema)
    expect(() => {
      ;(value.validity as { until: string }).until = 'z'
    }).toThrow(TypeError)
  })

  it('never serves one applicant\'s field for another, nor a tampered ciphertext', () => {
    const t = setUp()
    const sealed = t.seal('a1', { name: 'x', validity: { until: 'y' } })
    t.fields.openJson(sealed, { applicantId: 'a1', field: 'identity' }, schema)
    expect(() => t.fields.openJson(sealed, { applicantId: 'a2', field: 'identity' }, schema)).toThrow()
    const flipped = Buffer.from(sealed)
    flipped.writeUInt8((flipped.at(-1) ?? 0) ^ 1, flipped.length - 1)
    expect(() => t.fields.openJson(flipped, { applicantId: 'a1', field: 'identity' }, schema)).toThrow()
  })

  it('keeps only the last few, and forgets an applicant on request', () => {
    const t = setUp(2)
    const sealed = ['a1', 'a2', 'a3'].map((id) => [id, t.seal(id, { name: id, validity: { until: 'y' } })] as const)
    for (const [id, s] of sealed) t.fields.openJson(s, { applicantId: id, field: 'identity' }, schema)
    expect(t.opens()).toBe(3)
    t.fields.openJson(sealed[0]![1], { applicantId: 'a1', field: 'identity' }, schema)
    expect(t.opens()).toBe(4) // a1 was evicted
    t.fields.openJson(sealed[2]![1], { applicantId: 'a3', field: 'identity' }, schema)
    expect(t.opens()).toBe(4)
    t.fields.forget('a3')
    t.fields.openJson(sealed[2]![1], { applicantId: 'a3', field: 'identity' }, schema)
    expect(t.opens()).toBe(5)
  })
})

describe('OpenedFields.remember', () => {
  it('serves what was just sealed without decrypting it, frozen and detached from the caller\'s object', () => {
    const t = setUp()
    const value = { name: 'kyc/1/a/front.jpg', validity: { until: 'y' } }
    const sealed = t.seal('a1', value)
    t.fields.remember(sealed, { applicantId: 'a1', field: 'identity' }, value)
    value.name = 'changed by the caller afterwards'
    const read = t.fields.openJson(sealed, { applicantId: 'a1', field: 'identity' }, schema)
    expect(read.name).toBe('kyc/1/a/front.jpg')
    expect(Object.isFrozen(read.validity)).toBe(true)
    expect(t.opens()).toBe(0)
  })
})
