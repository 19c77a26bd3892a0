import { z } from 'zod'
import { imageFindingCodeSchema, type ImageFindingCode } from '../../../shared/domain/image-findings'
import type { JsonValue } from '../db/json'
import type { QualityIssueCode } from '../intake/image/types'

// Both directions: a finding the gate adds must be added to the shared list, and the reverse.
const sameCodes: Record<QualityIssueCode, true> & Record<ImageFindingCode, true> = {
  'too-small': true,
  blurred: true,
  'too-dark': true,
  overexposed: true,
  glare: true,
  duplicate: true,
  'near-duplicate': true,
}
void sameCodes

// The stored verdict's shape (capture, scanner inbox and import all store `{ passed, issues }`);
// anything else in it (measurements, source) is not needed here.
const storedVerdictSchema = z.object({ issues: z.array(z.object({ code: z.string() })) })

/** The finding codes of a stored quality verdict, each once; none for a verdict without findings or an unreadable one. */
export function findingCodesOf(quality: JsonValue | null): ImageFindingCode[] {
  const parsed = storedVerdictSchema.safeParse(quality)
  if (!parsed.success) return []
  const codes = new Set<ImageFindingCode>()
  for (const issue of parsed.data.issues) {
    const code = imageFindingCodeSchema.safeParse(issue.code)
    if (code.success) codes.add(code.data)
  }
  return [...codes]
}
