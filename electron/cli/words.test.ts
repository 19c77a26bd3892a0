import { expect, it } from 'vitest'
import { cliLocale, sayIn, wordReason, wordStatusCounts, wordStepError } from './words'

it('words the core\'s codes with the screens\' tables, plurals included, in the environment\'s language', () => {
  expect(wordReason({ key: 'signIn.wrongPin', params: { n: 1 } }, 'en')).toBe('Wrong PIN (1 attempt left)')
  expect(wordReason({ key: 'signIn.wrongPin', params: { n: 4 } }, 'en')).toBe('Wrong PIN (4 attempts left)')
  expect(wordReason({ key: 'signIn.wrongPin', params: { n: 4 } }, 'zh-CN')).toBe('PIN 错误（还可尝试 4 次）')
  expect(wordReason({ key: 'imageCheck.blurred.scanner' }, 'zh-CN')).toBe('扫描件模糊：请重新扫描')
  expect(wordReason({ key: 'no.such.key' }, 'zh-CN')).toBe('no.such.key')
  expect(cliLocale({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN')
  expect(cliLocale({ LANG: 'C' })).toBe('en')
})

it('words a backup refusal in both languages from the one table the backup screens use', () => {
  const refusal = { key: 'backup.truncated', params: { chunk: 3 } }
  expect(wordReason(refusal, 'zh-CN')).toBe('备份文件不完整（在第 3 块处中断），可能未复制完；未恢复任何内容')
  expect(wordReason(refusal, 'en')).toBe('The backup file is incomplete (it ends in chunk 3), perhaps not fully copied; nothing was restored')
})

it('words a failure of the way to the platform, what IT must do included, in both languages', () => {
  const failure = { key: 'networkFailure.CERT_UNTRUSTED', params: { host: 'kyc.bank.example', nodeCode: 'SELF_SIGNED_CERT_IN_CHAIN' } }
  expect(wordReason(failure, 'zh-CN')).toBe(
    '证书不受信任：kyc.bank.example 的证书（SELF_SIGNED_CERT_IN_CHAIN）不是由本机信任的 CA 签发的。请 IT 处理：如网络经代理检查 TLS，请在“设置 > 网络”中指定该代理的 CA 证书文件；否则需修复服务器的证书。',
  )
  expect(wordReason(failure, 'en')).toMatch(/^Certificate not trusted: kyc\.bank\.example’s certificate .* IT: if the network inspects TLS/)
})

it('words a scanner folder note with its literal braces kept', () => {
  const note = { key: 'scannerInbox.pattern-invalid', params: { pattern: '{ref}.jpg' } }
  expect(wordReason(note, 'zh-CN')).toBe('文件名规则“{ref}.jpg”必须各含一次 {ref} 和 {slot}')
  expect(wordReason(note, 'en')).toBe('The file-name pattern “{ref}.jpg” needs {ref} and {slot} exactly once each')
})

it('words a step error of ours from its reason and keeps the platform\'s message as it came', () => {
  const ours = { kind: 'transient' as const, code: 'deadline', message: 'The platform did not answer within 30 s', reason: { key: 'stepError.platform.deadline', params: { seconds: 30 } } }
  expect(wordStepError(ours, 'zh-CN')).toBe('平台未在 30 秒内答复完毕，将自动重试')
  expect(wordStepError(ours, 'en')).toBe('The platform did not finish answering within 30 s; retrying automatically')
  const platform = { kind: 'refused' as const, code: '-1000', message: '证件号码校验位错误' }
  expect(wordStepError(platform, 'en')).toBe('证件号码校验位错误')
  expect(wordStepError({ ...platform, reason: { key: 'no.such.key' } }, 'zh-CN')).toBe('证件号码校验位错误')
})

it('words applicants per status with the status table and the list separator', () => {
  const counts = [['queued', 3], ['needs-attention', 1]] as const
  expect(wordStatusCounts(counts, 'zh-CN')).toBe('排队中 3、需处理 1')
  expect(wordStatusCounts(counts, 'en')).toBe('Queued 3, Needs attention 1')
  expect(sayIn('en')('count.applicants', { n: 1 })).toBe('1 applicant')
  expect(sayIn('en')('count.applicants', { n: 2 })).toBe('2 applicants')
  expect(sayIn('zh-CN')('count.applicants', { n: 2 })).toBe('2 位申请人')
})
