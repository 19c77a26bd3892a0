import { uidSchema } from '../domain/identity'
import { issue, type Issue } from './issues'

/** The largest Java Long: the platform's uid type. 19 digits can exceed it, so the shape alone is not enough. */
const javaLongMax = 9_223_372_036_854_775_807n

/** Checks a typed or imported platform uid; kept as a decimal string end to end, never a JS number. */
export function checkUid(value: string): Issue[] {
  if (!uidSchema.safeParse(value).success) return [issue('uid', 'uid.format', {})]
  if (BigInt(value) > javaLongMax) return [issue('uid', 'uid.out-of-range', {})]
  return []
}
