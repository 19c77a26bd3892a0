import type { ReaderAnswer } from './reader-state'
import type { SyntheticCard } from './synthetic-cards'

/**
 * The two vendor services' replies, as their public clients receive them. Codes that the vendors
 * do not publish (华视 no card, busy) use the words of their `errorMsg`, which is what a client can
 * rely on; see docs/id-card-readers.md.
 */
const asDashed = (date: string) => (/^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}` : date)
const cvrCertType = { resident: ' ', 'hmt-permit': 'J', 'foreign-2017': 'I', 'foreign-2023': 'Y' } as const

export function cvrReply(answer: Exclude<ReaderAnswer, { kind: 'drop' }>, photoBase64: string): string {
  switch (answer.kind) {
    case 'busy':
      return JSON.stringify({ resultFlag: -2, errorMsg: '端口被占用，请关闭其他读卡程序' })
    case 'no-card':
      return JSON.stringify({ resultFlag: -1, errorMsg: '未放卡或卡片放置不正确' })
    case 'read-failed':
      return JSON.stringify({ resultFlag: -11, errorMsg: '读卡失败' })
    case 'card': {
      const card = answer.card
      const body = JSON.stringify({
        resultFlag: 0,
        errorMsg: '',
        partyName: card.nameZh || card.nameEn,
        gender: card.sex === '1' ? '男' : '女',
        nation: card.ethnicity?.name ?? '',
        nationCode: card.ethnicity?.code ?? '',
        bornDay: card.birth,
        certAddress: card.address,
        certNumber: card.number,
        certOrg: card.authority,
        effDate: card.validFrom,
        expDate: card.validTo,
        certType: cvrCertType[card.kind],
        enName: card.nameEn,
        nationality: card.nationality,
        passNo: card.passNumber,
        signCount: card.issueCount,
        identityPic: answer.photo ? photoBase64 : '',
      })
      // A truncated answer, as a service that crashed mid-write sends.
      return answer.malformed ? body.slice(0, Math.floor(body.length / 2)) : body
    }
  }
}

function zkCertificateJson(card: SyntheticCard, photoBase64: string, broken: boolean): string {
  const fields: [string, string][] = [
    ['Name', card.nameZh || card.nameEn],
    ['Sex', card.sex === '1' ? '男' : '女'],
    ['Nation', card.ethnicity?.name ?? ''],
    ['Birthday', asDashed(card.birth)],
    ['Address', card.address],
    ['IDNumber', card.number],
    ['IDIssued', card.authority],
    ['IssuedData', asDashed(card.validFrom)],
    ['ValidDate', card.validTo === '长期' ? '长期' : asDashed(card.validTo)],
    ['EngName', card.nameEn],
    ['Nationality', card.nationality],
    ['PassNo', card.passNumber],
    ['Base64Photo', photoBase64],
  ]
  const body = fields.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')
  const cardType = JSON.stringify(cvrCertType[card.kind].trim())
  // ZKIDROnline as the field knows it: a Windows path with bare backslashes, no comma before CardType.
  if (broken) return `{${body},"PhotoName":"C:\\zkid\\photo\\${card.id}.bmp""CardType":${cardType}}`
  return `{${body},"PhotoName":"","CardType":${cardType}}`
}

export function zkReply(answer: Exclude<ReaderAnswer, { kind: 'drop' }>, photoBase64: string): string {
  switch (answer.kind) {
    case 'busy':
      return JSON.stringify({ ret: 1 })
    case 'no-card':
      return JSON.stringify({ ret: 10 })
    case 'read-failed':
      return JSON.stringify({ ret: 11 })
    case 'card':
      return `{"ret":${answer.photo ? 0 : 40},"Certificate":${zkCertificateJson(answer.card, answer.photo ? photoBase64 : '', answer.malformed)}}`
  }
}
