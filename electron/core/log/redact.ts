/**
 * Redaction for everything that leaves the process as text: log lines, diagnostics exports,
 * error messages. Three nets, because any one alone leaks: field names known to be secret,
 * values registered as secret at run time (a decrypted token, an STS secret), and patterns that
 * look like identity numbers wherever they appear. An ID card chip's read (`card`, the vendor
 * services' field names, its photo and raw block) is never written out.
 */

const secretKeyPattern =
  /^(token|securitytoken|accesskeysecret|accesskeyid|secret|password|pin|pinhash|authorization|x-oss-security-token|idnumber|documentnumber|uid|datakey|verifytoken|signature|card|certificate|certnumber|partyname|certaddress|identitypic|base64photo|photo|photodataurl|basemessage|wlt)$/i

// 18-digit resident ID (last may be X), 15-digit legacy ID, and 15 to 19-digit runs such as
// platform uids (a uid with its token is an account; alone it still names a customer).
const identityNumberPattern = /\b\d{17}[\dXx]\b|\b\d{15,19}\b/g
const stsKeyIdPattern = /\bSTS\.[A-Za-z0-9]{8,}\b/g

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function maskTail(value: string, visible = 4): string {
  const tail = value.length > visible ? value.slice(-visible) : ''
  return `••••${tail}`
}

/** A value of one applicant's to mask in a message about it, and how it is shown instead. */
export interface Redaction {
  readonly value: string
  readonly mask: string
  /** Only where no Latin letter or digit touches it ("An" the name, not the "an" in "Change"). */
  readonly wholeWord: boolean
}

function patternOf({ value, wholeWord }: Redaction): RegExp {
  const escaped = escapeRegExp(value)
  return new RegExp(wholeWord ? `(?<![\\p{Script=Latin}\\p{N}])${escaped}(?![\\p{Script=Latin}\\p{N}])` : escaped, 'giu')
}

const processOwner = ''

export class Redactor {
  /** Each secret with who registered it: an applicant id, or '' for the process. */
  private readonly secrets = new Map<string, Set<string>>()

  /**
   * Remember a value that must never appear in output (ignores very short values). An `owner`
   * (an applicant id) lets `forgetOwner` drop it once that applicant is done; a value several
   * owners registered (two applicants on one account) stays until the last lets go.
   */
  addSecret(value: string | null | undefined, owner = processOwner): void {
    if (!value || value.length < 6) return
    const owners = this.secrets.get(value) ?? new Set<string>()
    owners.add(owner)
    this.secrets.set(value, owners)
  }

  forgetSecret(value: string, owner = processOwner): void {
    const owners = this.secrets.get(value)
    owners?.delete(owner)
    if (owners?.size === 0) this.secrets.delete(value)
  }

  /** Drops every secret only this owner still holds. */
  forgetOwner(owner: string): void {
    for (const [value, owners] of this.secrets) {
      owners.delete(owner)
      if (owners.size === 0) this.secrets.delete(value)
    }
  }

  /** How many secrets are remembered (it must not grow with every applicant ever synced). */
  size(): number {
    return this.secrets.size
  }

  /** `own`: one applicant's identity values, for a message about that applicant (`identityRedactions`). */
  text(input: string, own: readonly Redaction[] = []): string {
    let out = input
    for (const redaction of own) out = out.replace(patternOf(redaction), redaction.mask)
    for (const secret of this.secrets.keys()) {
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
