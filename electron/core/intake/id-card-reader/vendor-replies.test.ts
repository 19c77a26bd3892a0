import { describe, expect, it } from 'vitest'
import { cvrReadResult, cvrReplySchema } from './cvr-web-reply'
import { zkReadResult, zkReplySchema } from './zk-online-reply'

const zk = (body: unknown) => zkReadResult(zkReplySchema.parse(body))
const cvr = (body: unknown) => cvrReadResult(cvrReplySchema.parse(body))

describe('ZKIDROnline ret codes', () => {
  it.each([
    [1, 'busy'], [2, 'no-card'], [100, 'no-card'], [10, 'no-card'], [11, 'read-failed'], [99, 'read-failed'],
  ] as const)('ret %i is %s', (ret, outcome) => {
    expect(zk({ ret })).toEqual({ outcome })
  })

  it('ret 40 keeps the fields without a photo; a span in ValidDate gives the expiry', () => {
    const result = zk({ ret: 40, Certificate: { Name: '李明', Sex: '男', Nation: '汉族', IDNumber: '440106198506200051', IssuedData: '', ValidDate: '2003.07.01-2023.07.01', CardType: '' } })
    expect(result).toMatchObject({ outcome: 'photo-failed', card: { ethnicityCode: '01', validFrom: '20030701', validTo: '20230701', sexCode: '1' } })
  })

  it('an unknown card type is unsupported', () => {
    expect(zk({ ret: 0, Certificate: { IDNumber: 'X1', CardType: 'Q' } })).toEqual({ outcome: 'unsupported-card' })
  })
})

describe('华视 resultFlag and errorMsg', () => {
  it.each([
    [{ resultFlag: -11, errorMsg: '读卡失败' }, 'read-failed'],
    [{ resultFlag: -1, errorMsg: '未放卡或卡片放置不正确' }, 'no-card'],
    [{ resultFlag: -3, errorMsg: '请放卡' }, 'no-card'],
    [{ resultFlag: -2, errorMsg: '端口被占用，请关闭其他读卡程序' }, 'busy'],
    [{ resultFlag: -4, errorMsg: '未连接读卡器' }, 'no-device'],
    [{ resultFlag: -9, errorMsg: '' }, 'read-failed'],
  ] as const)('%j is %s', (body, outcome) => {
    expect(cvr(body)).toEqual({ outcome })
  })

  it('reads 长期 as long-term and a blank certType as the resident card', () => {
    expect(cvr({ resultFlag: 0, partyName: '王建国', gender: '男', certNumber: '370102195801010036', expDate: '长期', certType: ' ', identityPic: '' }))
      .toMatchObject({ outcome: 'photo-failed', card: { kind: 'resident', validTo: 'long-term' } })
  })
})
