import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../../i18n'
import { fakeKyc } from '../../test-support/fake-kyc'
import BackupPanel from './BackupPanel.vue'

function mounted(language: 'zh-CN' | 'en') {
  return mount(BackupPanel, { global: { plugins: [createAppI18n(language), ElementPlus, createPinia()] } })
}

async function type(wrapper: ReturnType<typeof mounted>, first: string, second: string) {
  await wrapper.get('input[data-testid="backup-passphrase"]').setValue(first)
  await wrapper.get('input[data-testid="backup-again"]').setValue(second)
}

describe('the Settings backup panel', () => {
  it('asks for the passphrase twice and says what is wrong before anything is sent', async () => {
    const kyc = fakeKyc()
    const wrapper = mounted('en')
    await type(wrapper, 'too short', 'too short')
    expect(wrapper.get('[data-testid="backup-problem"]').text()).toBe('The passphrase must be at least 12 characters')
    expect(wrapper.get('[data-testid="backup-create"]').attributes('disabled')).toBeDefined()
    await type(wrapper, 'branch 7 moves on Friday', 'branch 7 moves on Fridays')
    expect(wrapper.get('[data-testid="backup-problem"]').text()).toBe('The two passphrases differ')
    expect(kyc.callsTo('backup:create')).toEqual([])
  })

  it('creates the backup, says where it went, and forgets the passphrase', async () => {
    const kyc = fakeKyc()
    kyc.answer('backup:create', () => ({ saved: true, fileName: 'kyc-desk-backup-202506011200.kdbackup', applicants: 12, images: 36 }))
    const wrapper = mounted('zh-CN')
    await type(wrapper, 'branch 7 moves on Friday', 'branch 7 moves on Friday')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(kyc.callsTo('backup:create')).toEqual([{ passphrase: 'branch 7 moves on Friday' }])
    expect((wrapper.get('input[data-testid="backup-passphrase"]').element as HTMLInputElement).value).toBe('')
    expect(wrapper.get('[data-testid="backup-saved"]').text()).toBe('备份已保存：kyc-desk-backup-202506011200.kdbackup（12 位申请人，36 张照片）')
    expect(wrapper.text()).toContain('kyc-desk restore FILE --data DIR')
  })

  it('words the core refusal in the operator language', async () => {
    const kyc = fakeKyc()
    kyc.answer('backup:create', () => {
      throw { code: 'INVALID_INPUT', message: 'x', reason: { key: 'backup.passphraseTooShort', params: { min: 12 } } }
    })
    const wrapper = mounted('zh-CN')
    await type(wrapper, 'branch 7 moves on Friday', 'branch 7 moves on Friday')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="ipc-error-reason"]').text()).toBe('备份密码至少需要 12 个字符')
  })
})
