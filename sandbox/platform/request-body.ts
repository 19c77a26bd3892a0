/** Request parameters as decoded from the body, before any validation. */
export type ParamBag = Record<string, unknown>

export class MalformedBodyError extends Error {
  override readonly name = 'MalformedBodyError'
  /** Read by fastify's error handling: a body the parser cannot read is the client's fault. */
  readonly statusCode = 400
}

const NUMBER_CHAR = /[0-9eE+\-.]/

/**
 * Rewrites an unquoted number that is the value of a `"uid"` key as a string, so that
 * `{"uid": 9007199254740993}` reaches validation as the digits that were sent instead of a JS
 * number rounded to 9007199254740992. A tiny tokenizer, not a regular expression: text inside
 * string literals (`"note": "uid: 5"`) is never touched.
 */
export function quoteUidNumbers(text: string): string {
  let out = ''
  let previousToken = ''
  let valueOfUid = false
  let i = 0
  while (i < text.length) {
    const char = text.charAt(i)
    if (char === '"') {
      let end = i + 1
      while (end < text.length && text.charAt(end) !== '"') end += text.charAt(end) === '\\' ? 2 : 1
      const literal = text.slice(i, end + 1)
      out += literal
      previousToken = literal
      valueOfUid = false
      i = end + 1
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      let end = i
      while (end < text.length && NUMBER_CHAR.test(text.charAt(end))) end++
      const number = text.slice(i, end)
      out += valueOfUid ? `"${number}"` : number
      previousToken = number
      valueOfUid = false
      i = end
    } else {
      if (char === ':') valueOfUid = isUidKey(previousToken)
      else if (!/\s/.test(char)) valueOfUid = false
      if (!/\s/.test(char)) previousToken = char
      out += char
      i++
    }
  }
  return out
}

function isUidKey(token: string): boolean {
  if (!token.startsWith('"')) return false
  try {
    return JSON.parse(token) === 'uid'
  } catch {
    return false
  }
}

export function parseJsonParams(text: string): ParamBag {
  let value: unknown
  try {
    value = JSON.parse(quoteUidNumbers(text))
  } catch {
    throw new MalformedBodyError('request body is not valid JSON')
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new MalformedBodyError('request body must be a JSON object')
  }
  return { ...value }
}

/** Form fields; when a name repeats, the first value wins (as in a Spring controller). */
export function parseFormParams(text: string): ParamBag {
  const params: ParamBag = {}
  for (const [name, value] of new URLSearchParams(text)) {
    if (!(name in params)) params[name] = value
  }
  return params
}
