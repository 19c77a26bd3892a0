import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppInfo, ConnectionTestResult } from '../../../../shared/contract'
import { createAppI18n } from '../../i18n'
import { useAppStore } from '../../stores/app'
import { fakeKyc } from '../../test-support/fake-kyc'
import ConnectionTest from './ConnectionTest.vue'

// 2026-11-29T01:31:11Z: 09:31 in Shanghai, the branch's zone; the UTC hour must not show.
const expiresAt = Date.UTC(2026, 10, 29, 1, 31, 11)
const passed: ConnectionTestResult = {
  platformHost: 'kyc.bank.example',
  trainingMode: false,
  platform: { finding: 'sts-received', ok: true, stage: 'credentials', code: '200', bucket: 'kyc-branch', expiresAt, ms: 120 },
  oss: { finding: 'oss-authorized', ok: true, stage: 'authorization', code: null, bucket: 'kyc-branch', ms: 80 },
}
const failedOnTheWay: ConnectionTestResult = {
  platformHost: 'kyc.bank.example',
  trainingMode: false,
  platform: { finding: 'network', ok: false, stage: 'proxy', code: 'PROXY_AUTH_REQUIRED', failure: { code: 'PROXY_AUTH_REQUIRED', proxy: 'http://10.0.0.8:3128' }, ms: 12 },
  oss: { finding: 'oss-refused', ok: false, stage: 'authorization', code: 'AccessDenied', status: 403, ms: 40 },
}

let pinia: ReturnType<typeof createPinia>
let kyc: ReturnType<typeof fakeKyc>
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  kyc = fakeKyc()
})
afterEach(() => document.body.replaceChildren())

async function shown(result: ConnectionTestResult, locale: 'zh-CN' | 'en'): Promise<string[]> {
  kyc.answer('app:info', () => ({ timeZone: 'Asia/Shanghai' }) as AppInfo)
  kyc.answer('settings:test-connection', () => result)
  await useAppStore().load()
  const wrapper = mount(ConnectionTest, { attachTo: document.body, props: { patch: () => ({}), disabled: false }, global: { plugins: [pinia, createAppI18n(locale), ElementPlus] } })
  await wrapper.get('[data-testid="run-connection-test"]').trigger('click')
  await flushPromises()
  return wrapper.findAll('[data-testid="test-finding"]').map((f) => f.text())
}

describe('the connection test result', () => {
  it('words each finding in Chinese, with the credentials\' expiry in the branch\'s zone', async () => {
    const [platform, oss] = await shown(passed, 'zh-CN')
    expect(platform).toContain('已取得存储桶 kyc-branch 的上传凭证，有效期至')
    expect(platform).toContain('09:31')
    expect(platform).not.toMatch(/01:31|T\d\d:|Z\b/)
    expect(oss).toBe('OSS 接受了存储桶 kyc-branch 的上传凭证')
  })

  it('words a failure of the way there and a refusal by OSS from the same codes, in either language', async () => {
    const [proxy, oss] = await shown(failedOnTheWay, 'zh-CN')
    expect(proxy).toBe('代理 http://10.0.0.8:3128 要求身份验证（407），或拒绝了所给的用户名和密码。请 IT 在“设置 > 网络”中设置。')
    expect(oss).toContain('OSS 拒绝了请求（状态码 403）')
    document.body.replaceChildren()
    setActivePinia((pinia = createPinia()))
    const [english] = await shown(failedOnTheWay, 'en')
    expect(english).toMatch(/^The proxy http:\/\/10\.0\.0\.8:3128 asks for a user name and password/)
  })
})

describe('the connection test in Chinese', () => {
  it('puts the verdict and its details together with Chinese punctuation', async () => {
    kyc.answer('app:info', () => ({ timeZone: 'Asia/Shanghai' }) as AppInfo)
    kyc.answer('settings:test-connection', () => failedOnTheWay)
    await useAppStore().load()
    const wrapper = mount(ConnectionTest, { attachTo: document.body, props: { patch: () => ({}), disabled: false }, global: { plugins: [pinia, createAppI18n('zh-CN'), ElementPlus] } })
    await wrapper.get('[data-testid="run-connection-test"]').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('[data-testid="test-verdict"]').map((v) => v.text())).toEqual(['平台：失败', 'OSS：失败'])
    expect(wrapper.findAll('[data-testid="test-detail"]').map((v) => v.text())).toEqual(['（代理，代码 PROXY_AUTH_REQUIRED，12 毫秒）', '（OSS 权限，代码 AccessDenied，40 毫秒）'])
  })

  it('lists each problem of the test account as a sentence of its own, with ；', async () => {
    const wrapper = mount(ConnectionTest, { attachTo: document.body, props: { patch: () => ({}), disabled: false }, global: { plugins: [pinia, createAppI18n('zh-CN'), ElementPlus] } })
    await wrapper.get('input').setValue('{"uid":"0","token":""}')
    const problem = wrapper.get('[role="alert"]').text()
    expect(problem.split('；')).toHaveLength(2)
    expect(problem).not.toContain(';')
  })
})
