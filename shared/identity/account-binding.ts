import { accountBindingSchema, type AccountBinding } from '../domain/identity'
import { checkUid } from './uid'

/**
 * The customer's platform account (uid and token) from what they show at the counter: a QR code
 * read by a keyboard-wedge scanner or the camera (JSON `{"uid","token"}` or
 * `kyc://bind?uid=..&token=..`), two typed fields, or two import columns. Pure, so the renderer
 * runs it on scanner input and main runs it again on what arrives.
 */

export type BindingField = 'binding' | 'uid' | 'token'

type P<C extends string, T = object> = { field: BindingField; code: C } & T
export type BindingIssue =
  | P<'binding.empty'>
  | P<'binding.unrecognized'>
  | P<'binding.full-width'>
  | P<'binding.json-invalid'>
  | P<'binding.json-not-object'>
  | P<'binding.uri-invalid'>
  | P<'binding.duplicate', { name: 'uid' | 'token' }>
  | P<'uid.missing'>
  | P<'uid.wrong-type'>
  | P<'uid.not-whole-number', { value: string }>
  | P<'uid.characters', { value: string }>
  | P<'uid.leading-zero'>
  | P<'uid.too-long', { length: number; max: number }>
  | P<'uid.out-of-range'>
  | P<'token.missing'>
  | P<'token.wrong-type'>
  | P<'token.too-long', { length: number; max: number }>
  | P<'token.characters'>
export type BindingIssueCode = BindingIssue['code']

export type BindingSource = 'json' | 'uri' | 'typed'
export type BindingParse =
  | { ok: true; binding: AccountBinding; source: BindingSource }
  | { ok: false; issues: BindingIssue[] }

/** A Java Long has at most 19 digits. */
const uidDigits = 19
const tokenMax = accountBindingSchema.shape.token.maxLength ?? 512
/** Whitespace or control characters inside a token are a misread or a mangled paste, never part of it. */
const badTokenChar = /[\s\p{Cc}]/u
/** What a Chinese IME left switched on makes of `{"uid":` and friends. */
const fullWidth = /[\uFF01-\uFF5E\u201C\u201D\u3000]/

/** A value as it appeared in the input: JSON numbers keep their digits as written, never rounded. */
type RawValue = { kind: 'text'; text: string } | { kind: 'number'; digits: string } | { kind: 'other' } | { kind: 'absent' }

function checkUidValue(raw: RawValue): BindingIssue[] {
  const f = 'uid' as const
  if (raw.kind === 'absent') return [{ field: f, code: 'uid.missing' }]
  if (raw.kind === 'other') return [{ field: f, code: 'uid.wrong-type' }]
  const value = raw.kind === 'number' ? raw.digits : raw.text.normalize('NFKC').trim()
  if (value === '') return [{ field: f, code: 'uid.missing' }]
  if (/^\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value) && !/^\d+$/.test(value)) return [{ field: f, code: 'uid.not-whole-number', value }]
  if (!/^\d+$/.test(value)) return [{ field: f, code: 'uid.characters', value }]
  if (value.startsWith('0')) return [{ field: f, code: 'uid.leading-zero' }]
  if (value.length > uidDigits) return [{ field: f, code: 'uid.too-long', length: value.length, max: uidDigits }]
  return checkUid(value).map((found) => (found.code === 'uid.out-of-range' ? { field: f, code: 'uid.out-of-range' } : { field: f, code: 'uid.characters', value }))
}

function checkTokenValue(raw: RawValue): BindingIssue[] {
  const f = 'token' as const
  if (raw.kind === 'absent') return [{ field: f, code: 'token.missing' }]
  if (raw.kind !== 'text') return [{ field: f, code: 'token.wrong-type' }]
  const token = raw.text.trim()
  if (token === '') return [{ field: f, code: 'token.missing' }]
  if (token.length > tokenMax) return [{ field: f, code: 'token.too-long', length: token.length, max: tokenMax }]
  if (badTokenChar.test(token) || fullWidth.test(token)) return [{ field: f, code: 'token.characters' }]
  return []
}

function fromRaw(uid: RawValue, token: RawValue, source: BindingSource): BindingParse {
  const issues = [...checkUidValue(uid), ...checkTokenValue(token)]
  if (issues.length > 0) return { ok: false, issues }
  const parsed = accountBindingSchema.safeParse({
    uid: uid.kind === 'number' ? uid.digits : uid.kind === 'text' ? uid.text.normalize('NFKC').trim() : '',
    token: token.kind === 'text' ? token.text.trim() : '',
  })
  // The checks above are stricter than the schema; this is the schema having the last word.
  return parsed.success ? { ok: true, binding: parsed.data, source } : { ok: false, issues: [{ field: 'binding', code: 'binding.unrecognized' }] }
}

/** Two typed fields (or two import cells). Full-width digits in the uid are read as digits: they mean the same number. */
export function parseTypedBinding(uid: string | null | undefined, token: string | null | undefined): BindingParse {
  const text = (value: string | null | undefined): RawValue => (value == null || value.trim() === '' ? { kind: 'absent' } : { kind: 'text', text: value })
  return fromRaw(text(uid), text(token), 'typed')
}

/**
 * The top-level members of a JSON object with each value's raw text, so `{"uid": 9223372036854775807}`
 * keeps all 19 digits (JSON.parse would round it to a double). Only called on text JSON.parse accepted.
 */
function rawMembers(text: string): Array<[string, string]> {
  const members: Array<[string, string]> = []
  let depth = 0
  let key: string | null = null
  let valueStart = -1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') {
      const start = i
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++
      if (depth === 1 && key === null && valueStart < 0) key = JSON.parse(text.slice(start, i + 1)) as string
    } else if (c === '{' || c === '[') depth++
    else if (c === ':' && depth === 1 && valueStart < 0) valueStart = i + 1
    if ((c === ',' || c === '}' || c === ']') && depth === 1 && valueStart >= 0 && key !== null) {
      members.push([key, text.slice(valueStart, i).trim()])
      key = null
      valueStart = -1
    }
    if (c === '}' || c === ']') depth--
  }
  return members
}

function rawJsonValue(raw: string | undefined): RawValue {
  if (raw === undefined || raw === 'null') return { kind: 'absent' }
  if (raw.startsWith('"')) return { kind: 'text', text: JSON.parse(raw) as string }
  if (/^-?\d/.test(raw)) return { kind: 'number', digits: raw }
  return { kind: 'other' }
}

function parseJson(text: string): BindingParse {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, issues: [{ field: 'binding', code: 'binding.json-invalid' }] }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, issues: [{ field: 'binding', code: 'binding.json-not-object' }] }
  }
  const members = rawMembers(text)
  for (const name of ['uid', 'token'] as const) {
    if (members.filter(([k]) => k === name).length > 1) return { ok: false, issues: [{ field: name, code: 'binding.duplicate', name }] }
  }
  const find = (name: string) => members.find(([k]) => k === name)?.[1]
  return fromRaw(rawJsonValue(find('uid')), rawJsonValue(find('token')), 'json')
}

/**
 * `kyc://bind?uid=..&token=..`. Scheme and host are case-insensitive (RFC 3986). Values are
 * percent-decoded but `+` stays `+`: a token is often base64, and form decoding would turn its
 * plus signs into spaces.
 */
function parseUri(text: string): BindingParse {
  const match = /^kyc:\/\/bind\/?\?(.*)$/is.exec(text)
  if (!match) return { ok: false, issues: [{ field: 'binding', code: 'binding.uri-invalid' }] }
  const params = new Map<string, string[]>()
  for (const part of (match[1] ?? '').split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    let name: string
    let value: string
    try {
      name = decodeURIComponent(eq < 0 ? part : part.slice(0, eq))
      value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1))
    } catch {
      return { ok: false, issues: [{ field: 'binding', code: 'binding.uri-invalid' }] }
    }
    params.set(name, [...(params.get(name) ?? []), value])
  }
  for (const name of ['uid', 'token'] as const) {
    if ((params.get(name)?.length ?? 0) > 1) return { ok: false, issues: [{ field: name, code: 'binding.duplicate', name }] }
  }
  const raw = (name: string): RawValue => {
    const value = params.get(name)?.[0]
    return value === undefined || value === '' ? { kind: 'absent' } : { kind: 'text', text: value }
  }
  return fromRaw(raw('uid'), raw('token'), 'uri')
}

/** What a keyboard-wedge scanner typed, or a pasted code: JSON or a `kyc://bind` link. */
export function parseAccountBinding(input: string): BindingParse {
  // Wedge scanners end with Enter or Tab; a stray BOM comes with some pasted text.
  const text = input.replace(/^\uFEFF/, '').trim()
  if (text === '') return { ok: false, issues: [{ field: 'binding', code: 'binding.empty' }] }
  if (text.startsWith('{')) return parseJson(text)
  if (/^kyc:/i.test(text)) return parseUri(text)
  if (fullWidth.test(text.slice(0, 8))) return { ok: false, issues: [{ field: 'binding', code: 'binding.full-width' }] }
  return { ok: false, issues: [{ field: 'binding', code: 'binding.unrecognized' }] }
}
