import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../../i18n'
import { fakeKyc } from '../../test-support/fake-kyc'
import NewQrNotice from './NewQrNotice.vue'

async function mountWith(count: number) {
  const pinia = createPinia()
  setActivePinia(pinia)
  fakeKyc().answer('applicants:needs-new-qr', () => ({ count }))
  const wrapper = mount(NewQrNotice, { global: { plugins: [pinia, createAppI18n('en'), ElementPlus] } })
  await flushPromises()
  return wrapper
}

describe('the queue notice of applicants waiting for a new account QR', () => {
  it('says how many wait', async () => {
    expect((await mountWith(3)).get('[data-testid="new-qr-notice"]').text()).toContain("3 applicant(s) need the customer's new account QR")
  })

  it('is absent when none wait', async () => {
    expect((await mountWith(0)).find('[data-testid="new-qr-notice"]').exists()).toBe(false)
  })
})
