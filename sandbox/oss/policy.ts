import { z } from 'zod'

// A RAM policy as STS attaches it to temporary credentials, evaluated the way RAM does for the
// parts the sandbox issues: explicit Deny wins, then any Allow, otherwise denied. A statement
// with a Condition the sandbox cannot evaluate never allows (and always denies, if it is a Deny).

const stringOrList = z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : [value]))

const policySchema = z.object({
  Version: z.string().optional(),
  Statement: z.array(
    z.object({
      Effect: z.enum(['Allow', 'Deny']),
      Action: stringOrList,
      Resource: stringOrList,
      Condition: z.unknown().optional(),
    }),
  ),
})

function globToRegExp(pattern: string, flags: string): RegExp {
  const body = [...pattern]
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('')
  return new RegExp(`^${body}$`, flags)
}

/** `acs:oss:<region>:<account>:<bucket>/<key>` as a request's resource (the key may itself contain colons). */
export function objectResource(region: string, accountId: string, bucket: string, key: string): string {
  return `acs:oss:${region}:${accountId}:${bucket}/${key}`
}

/** Whether the policy (a JSON document as issued) allows `action` (e.g. `oss:PutObject`) on `resource`. */
export function policyAllows(policyJson: string, action: string, resource: string): boolean {
  let parsed: z.infer<typeof policySchema>
  try {
    parsed = policySchema.parse(JSON.parse(policyJson))
  } catch {
    return false
  }
  let allowed = false
  for (const statement of parsed.Statement) {
    const actionMatches = statement.Action.some((pattern) => globToRegExp(pattern, 'i').test(action))
    const resourceMatches = statement.Resource.some((pattern) => globToRegExp(pattern, '').test(resource))
    if (!actionMatches || !resourceMatches) continue
    if (statement.Effect === 'Deny') return false
    if (statement.Condition === undefined) allowed = true
  }
  return allowed
}
