import { z } from 'zod'
import type { IdCardReadResult } from '../../../../shared/domain/id-card'
import { cardKindOf, chipDate, chipValidTo, ethnicityFromName, photoFromBase64, sexCodeOf, splitNameField } from './chip-fields'

/**
 * ZKTeco ZKIDROnline's `ScanReadIdCardInfo` reply: `ret` 0 ok, 1 the port could not be opened
 * (another program owns the reader), 2 and 100 timed out waiting for a card, 10 no card, 11 read
 * failed, 40 the photo could not be decoded (the text is still there).
 */
const text = z.union([z.string(), z.number()]).transform(String).nullish().transform((v) => v ?? '')

export const zkCertificateSchema = z.object({
  Name: text,
  Sex: text,
  Nation: text,
  Birthday: text,
  Address: text,
  IDNumber: text,
  IDIssued: text,
  IssuedData: text,
  ValidDate: text,
  Base64Photo: text,
  CardType: text,
  EngName: text,
  Nationality: text,
  PassNo: text,
})

export const zkReplySchema = z.object({
  ret: z.coerce.number().int(),
  Certificate: zkCertificateSchema.nullish(),
})
export type ZkReply = z.infer<typeof zkReplySchema>

export const zkInfoSchema = z.object({
  ret: z.coerce.number().int().optional(),
  data: z.object({ server_version: text }).partial().optional(),
})

/** `ValidDate` is sometimes the whole span `20100101-20300101`; then its end is the expiry. */
function validity(issued: string, valid: string): { from: string; to: string } {
  const date = String.raw`\d{4}[-.]?\d{2}[-.]?\d{2}`
  const span = new RegExp(String.raw`^(${date})\s*[-–~至]\s*(${date}|长期)$`, 'u').exec(valid.trim())
  if (span && issued.trim() === '') return { from: chipDate(span[1]!), to: chipValidTo(span[2]!) }
  if (span) return { from: chipDate(issued), to: chipValidTo(span[2]!) }
  return { from: chipDate(issued), to: chipValidTo(valid) }
}

export function zkReadResult(reply: ZkReply): IdCardReadResult {
  switch (reply.ret) {
    case 0:
    case 40:
      break
    case 1:
      return { outcome: 'busy' }
    case 2:
    case 10:
    case 100:
      return { outcome: 'no-card' }
    default:
      return { outcome: 'read-failed' }
  }
  const cert = reply.Certificate
  if (!cert || cert.IDNumber.trim() === '') return { outcome: reply.ret === 40 ? 'read-failed' : 'no-card' }
  const kind = cardKindOf(cert.CardType)
  if (kind === null) return { outcome: 'unsupported-card' }
  const names = splitNameField(cert.Name)
  const ethnicity = kind === 'resident' ? ethnicityFromName(cert.Nation) : { code: null, name: null }
  const dates = validity(cert.IssuedData, cert.ValidDate)
  const card = {
    kind,
    nameZh: names.nameZh,
    nameEn: cert.EngName.trim() || names.nameEn,
    sexCode: sexCodeOf(cert.Sex),
    ethnicityCode: ethnicity.code,
    ethnicityName: ethnicity.name,
    nationality: cert.Nationality.trim() || null,
    birth: chipDate(cert.Birthday),
    number: cert.IDNumber.trim(),
    address: cert.Address.trim() || null,
    authority: cert.IDIssued.trim() || null,
    validFrom: dates.from,
    validTo: dates.to,
    passNumber: cert.PassNo.trim() || null,
    issueCount: null,
  }
  const photo = reply.ret === 40 ? null : photoFromBase64(cert.Base64Photo)
  return photo === null ? { outcome: 'photo-failed', card } : { outcome: 'read', card, photo }
}
