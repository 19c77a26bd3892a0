import { describe, expect, it } from 'vitest'
import { defaultSettings, settingsSchema } from './settings'

describe('settings', () => {
  it('defaults to training mode with three applicants in flight', () => {
    expect(defaultSettings.platform.baseUrl).toBe('')
    expect(defaultSettings.sync.concurrency).toBe(3)
    expect(defaultSettings.language).toBe('zh-CN')
  })

  it('accepts https anywhere and plain http only on this machine', () => {
    const platform = (baseUrl: string) => settingsSchema.safeParse({ platform: { baseUrl } }).success
    expect(platform('https://api.example.com')).toBe(true)
    expect(platform('http://127.0.0.1:17301')).toBe(true)
    expect(platform('http://localhost:8080')).toBe(true)
    expect(platform('http://api.example.com')).toBe(false)
    expect(platform('http://10.0.0.5')).toBe(false)
    expect(platform('ftp://api.example.com')).toBe(false)
    expect(settingsSchema.safeParse({ oss: { endpoint: 'http://oss.example.com' } }).success).toBe(false)
  })

  it('takes an https verify page template with {token}, and nothing else', () => {
    const template = (verifyUrlTemplate: string) => settingsSchema.safeParse({ platform: { verifyUrlTemplate } }).success
    expect(template('')).toBe(true)
    expect(template('https://h5.example.com/verify?token={token}')).toBe(true)
    expect(template('https://h5.example.com/verify')).toBe(false)
    expect(template('http://h5.example.com/verify?token={token}')).toBe(false)
    expect(template('javascript:go("{token}")')).toBe(false)
  })

  it('takes further verify origins as https origins only, normalised', () => {
    const origins = (verifyOrigins: string[]) => settingsSchema.safeParse({ platform: { verifyOrigins } })
    expect(origins(['https://H5.Example.com/', 'https://cdn.example.com:8443']).data?.platform.verifyOrigins).toEqual(['https://h5.example.com', 'https://cdn.example.com:8443'])
    for (const bad of ['http://h5.example.com', 'https://h5.example.com/path', 'file:///tmp', 'https://u:p@h5.example.com']) {
      expect(origins([bad]).success, bad).toBe(false)
    }
  })

  it('refuses out-of-range numbers', () => {
    expect(settingsSchema.safeParse({ sync: { concurrency: 0 } }).success).toBe(false)
    expect(settingsSchema.safeParse({ retention: { purgeVerifiedAfterDays: -1 } }).success).toBe(false)
  })
})

describe('finding 3: the unfinished-applicant purge age', () => {
  it('defaults to 30 days and must come after the flag age', () => {
    expect(defaultSettings.retention.purgeUnfinishedAfterDays).toBe(30)
    const issues = settingsSchema.safeParse({ retention: { flagStaleAfterDays: 20, purgeUnfinishedAfterDays: 20 } }).error?.issues ?? []
    expect(issues.map((i) => i.path.join('.'))).toEqual(['retention.purgeUnfinishedAfterDays'])
  })

  it('still parses a document saved before the setting existed, purging a day after its flag', () => {
    expect(settingsSchema.parse({ retention: { flagStaleAfterDays: 60 } }).retention.purgeUnfinishedAfterDays).toBe(61)
    expect(settingsSchema.parse({ retention: { flagStaleAfterDays: 5 } }).retention.purgeUnfinishedAfterDays).toBe(30)
  })
})

describe('branch time zone', () => {
  it('defaults to empty (this computer) and takes only IANA zone names', () => {
    expect(settingsSchema.parse({}).timeZone).toBe('')
    expect(settingsSchema.parse({ timeZone: 'Asia/Shanghai' }).timeZone).toBe('Asia/Shanghai')
    expect(settingsSchema.safeParse({ timeZone: 'Beijing' }).success).toBe(false)
  })
})
