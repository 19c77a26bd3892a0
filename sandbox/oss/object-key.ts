// Object names as OSS accepts them (UTF-8, 1-1023 bytes, not starting with / or \), plus the
// sandbox's own refusal of `.` and `..` segments, backslashes and control characters: a key is
// compared against a policy prefix (`kyc/<uid>/*`) and shown in file dialogs, and `kyc/1/../2/x`
// must never pass for one uid's object.

const MAX_KEY_BYTES = 1023

/** Why `key` is not an acceptable object name, or null when it is. */
export function objectKeyProblem(key: string): string | null {
  if (key.length === 0) return 'the object name is empty'
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) return 'the object name is longer than 1023 bytes'
  if (key.startsWith('/')) return 'the object name starts with /'
  if (key.includes('\\')) return 'the object name contains a backslash'
  if (/[\u0000-\u001f\u007f]/.test(key)) return 'the object name contains a control character'
  if (key.split('/').some((segment) => segment === '.' || segment === '..')) {
    return 'the object name contains a . or .. path segment'
  }
  return null
}
