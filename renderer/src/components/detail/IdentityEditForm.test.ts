import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { afterEach, describe, expect, it } from 'vitest'
import type { IdentityForEdit } from '../../../../shared/contract'
import { createAppI18n } from '../../i18n'
import { fakeKyc } from '../../test-support/fake-kyc'
import IdentityEditForm from './IdentityEditForm.vue'

const forEdit: IdentityForEdit = {
  identity: {
    country: 'CHN',
    surname: '王',
    givenName: '芳',
    documentType: 'id_card',
    documentNumber: '••••1234',
    birthday: '1990-01-01',
    gender: 'female',
    chineseMainland: true,
    issueDate: '2019-06-01',
    validity: { kind: 'until', expiryDate: '2039-06-01' },
  },
  documentNumberMasked: true,
  editable: true,
  status: 'needs-attention',
  uidMasked: '10••••01',
}

afterEach(() => document.body.replaceChildren())

describe('the detail view after an edit', () => {
  it('names the steps to run again in Chinese, one list, never their codes', async () => {
    const kyc = fakeKyc()
    kyc.answer('applicants:identity-for-edit', () => forEdit)
    kyc.answer('applicants:update', () => ({ status: 'queued', resetSteps: ['authnew:1', 'authnew:2'], failedSteps: [], warnings: [] }))
    const wrapper = mount(IdentityEditForm, { attachTo: document.body, props: { id: 'a1', status: 'needs-attention' }, global: { plugins: [createAppI18n('zh-CN'), ElementPlus] } })
    await flushPromises()
    await wrapper.get('input[data-testid="binding-input"]').setValue('{"uid":"10000001","token":"t0k3n"}')
    await wrapper.get('[data-testid="binding-replace"]').trigger('click')
    await flushPromises()
    const toast = document.body.querySelector('.el-message')?.textContent ?? ''
    expect(toast).toBe('已保存。重跑的步骤：提交身份信息（第 1 步）、提交正面照（第 2 步）')
  })
})

describe('the detail view when an edit fails', () => {
  it('says why in Chinese, never the core\'s English message', async () => {
    const kyc = fakeKyc()
    kyc.answer('applicants:identity-for-edit', () => forEdit)
    kyc.answer('applicants:update', () => {
      throw { code: 'CONFLICT', message: 'applicant a1 is being submitted; try again in a moment' }
    })
    const wrapper = mount(IdentityEditForm, { attachTo: document.body, props: { id: 'a1', status: 'queued' }, global: { plugins: [createAppI18n('zh-CN'), ElementPlus] } })
    await flushPromises()
    await wrapper.get('input[data-testid="binding-input"]').setValue('{"uid":"10000001","token":"t0k3n"}')
    await wrapper.get('[data-testid="binding-replace"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="edit-error"]').text()).toBe('操作与当前状态冲突。')
  })
})
