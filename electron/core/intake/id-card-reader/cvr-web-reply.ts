import { z } from 'zod'
import type { IdCardReadResult } from '../../../../shared/domain/id-card'
import { cardKindOf, chipDate, chipValidTo, ethnicityFromName, photoFromBase64, sexCodeOf, splitNameField } from './chip-fields'

/**
 * The 华视 (ChinaVision) local web service's replies. `resultFlag` 0 is success; -11 is the one
 * failure code seen in public clients ("读卡失败"). Other codes are not published, so they are told
 * apart by the words of `errorMsg`, and an unknown one stays a read failure the operator can retry.
 */
const text = z.union([z.string(), z.number()]).transform(String).nullish().transform((v) => v ?? '')

export const cvrReplySchema = z.object({
  resultFlag: z.coerce.number().int(),
  errorMsg: text,
  partyName: text,
  gender: text,
  nation: text,
  nationCode: text,
  bornDay: text,
  certAddress: text,
  certNumber: text,
  certOrg: text,
  effDate: text,
  expDate: text,
  certType: text,
  identityPic: text,
  /** Sent by newer services for permit cards; optional. */
  enName: text,
  nationality: text,
  passNo: text,
  signCount: text,
})
export type CvrReply = z.infer<typeof cvrReplySchema>

export type CvrFailure = 'no-card' | 'busy' | 'no-device' | 'read-failed'

/** The failure a non-zero `resultFlag` means. */
export function cvrFailure(reply: CvrReply): CvrFailure {
  const message = reply.errorMsg
  if (/占用|被使用|busy/iu.test(message)) return 'busy'
  if (/未连接|未找到(读卡器|设备)|打开.*(失败|错误)|端口|device/iu.test(message)) return 'no-device'
  if (reply.resultFlag !== -11 && /(未|没有?|无|请)放.*卡|寻卡|找不到卡|no card/iu.test(message)) return 'no-card'
  return 'read-failed'
}

export function cvrReadResult(reply: CvrReply): IdCardReadResult {
  if (reply.resultFlag !== 0) {
    return { outcome: cvrFailure(reply) }
  }
  if (reply.certNumber.trim() === '') return { outcome: 'no-card' }
  const kind = cardKindOf(reply.certType)
  if (kind === null) return { outcome: 'unsupported-card' }
  const ethnicity = kind === 'resident' ? ethnicityFromName(reply.nation) : { code: null, name: null }
  const names = splitNameField(reply.partyName)
  const card = {
    kind,
    nameZh: names.nameZh,
    nameEn: reply.enName.trim() || names.nameEn,
    sexCode: sexCodeOf(reply.gender),
    ethnicityCode: reply.nationCode.trim() || ethnicity.code,
    ethnicityName: ethnicity.name,
    nationality: reply.nationality.trim() || null,
    birth: chipDate(reply.bornDay),
    number: reply.certNumber.trim(),
    address: reply.certAddress.trim() || null,
    authority: reply.certOrg.trim() || null,
    validFrom: chipDate(reply.effDate),
    validTo: chipValidTo(reply.expDate),
    passNumber: reply.passNo.trim() || null,
    issueCount: reply.signCount.trim() || null,
  }
  const photo = photoFromBase64(reply.identityPic)
  return photo === null ? { outcome: 'photo-failed', card } : { outcome: 'read', card, photo }
}
