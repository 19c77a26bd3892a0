/**
 * Redaction for everything that leaves the process as text: log lines, diagnostics exports,
 * error messages. Three nets, because any one alone leaks: field names known to be secret,
 * values registered as secret at run time (a decrypted token, an STS secret), and patterns that
 * look like identity numbers wherever they appear.
 */

const secretKeyPattern =
  /^(token|securitytoken|accesskeysecret|accesskeyid|secret|password|pin|pinhash|authorization|x-oss-security-token|idnumber|documentnumber|uid|datakey|verifytoken|signature)$/i

// 18-digit resident ID (last may be X), 15-digit legacy ID, and 15 to 19-digit runs such as
// platform uids (a uid with its token is an account; alone it still names a customer).
const identityNumberPattern = /\b\d{17}[\dXx]\b|\b\d{15,19}\b/g
const stsKeyIdPattern = /\bSTS\.[A-Za-z0-9]{8,}\b/g

export function maskTail(value: string, visible = 4): string {
  const tail = value.length > visible ? value.slice(-visible) : ''
  return `••••${tail}`
}

export class Redactor {
  private readonly secrets = new Set<string>()

  /** Remember a value that must never appear in output (ignores very short values). */
  addSecret(value: string | null | undefined): void {
    if (value && value.length >= 6) this.secrets.add(value)
  }

  forgetSecret(value: string): void {
    this.secrets.delete(value)
  }

  text(input: string): string {
    let out = input
    for (const secret of this.secrets) {
      if (out.includes(secret)) out = out.split(secret).join(maskTail(secret))
    }
    return out.replace(identityNumberPattern, (m) => maskTail(m)).replace(stsKeyIdPattern, 'STS.••••')
  }

  value(input: unknown, depth = 0): unknown {
    if (depth > 6) return '[deep]'
    if (typeof input === 'string') return this.text(input)
    if (typeof input === 'number' || typeof input === 'boolean' || input === null || input === undefined) return input
    if (typeof input === 'bigint') return this.text(input.toString())
    if (input instanceof Error) {
      return { name: input.name, message: this.text(input.message), code: (input as { code?: unknown }).code }
    }
    if (Array.isArray(input)) return input.slice(0, 50).map((v) => this.value(v, depth + 1))
    if (typeof input === 'object') {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(input)) {
        out[k] = secretKeyPattern.test(k) && v !== null && v !== undefined ? '[redacted]' : this.value(v, depth + 1)
      }
      return out
    }
    return String(input)
  }
}
