import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ReceiptView } from '../../../../shared/contract'
import { consentText } from '../../../../shared/domain/consent'
import { createAppI18n } from '../../i18n'
import { fakeKyc } from '../../test-support/fake-kyc'
import PrintView from '../../views/PrintView.vue'
import ConsentSheet from './ConsentSheet.vue'
import ReceiptSheet from './ReceiptSheet.vue'

const receipt: ReceiptView = {
  id: 'a0000001',
  reference: '20261205-0007',
  maskedName: '欧*',
  maskedDocumentNumber: '····002X',
  documentType: 'id_card',
  status: 'queued',
  // 02:31:11 UTC: 10:31:11 in Beijing.
  capturedAt: Date.UTC(2026, 11, 5, 2, 31, 11),
  operatorName: '林晓',
  branchName: '北京朝阳支行',
  training: false,
  consent: { version: 'pipl-sensitive-2025-01', at: Date.UTC(2026, 11, 5, 2, 30, 0) },
}
const qr = { dataUrl: 'data:image/png;base64,iVBORw0KGgo=', expiresAt: Date.UTC(2026, 11, 5, 3, 0, 0) }

// The operator's screen is in English: the papers are bilingual all the same.
const inEnglish = () => ({ plugins: [createAppI18n('en')] })

describe('the receipt sheet', () => {
  it('prints both languages whatever the screen language, masked, in the branch zone', () => {
    const sheet = mount(ReceiptSheet, { props: { receipt, timeZone: 'Asia/Shanghai', qr: null }, global: inEnglish() })
    const text = sheet.text()
    for (const words of ['受理回执', 'Receipt', '受理编号', 'Reference', '北京朝阳支行', '林晓', '20261205-0007', '欧*', '····002X']) expect(text).toContain(words)
    expect(sheet.get('[data-testid="paper-time"]').text()).toBe('2026/12/05 10:31:11')
    expect(sheet.find('[data-testid="paper-qr"]').exists()).toBe(false)
  })

  it('says what happens next for the status, in both languages', () => {
    const cases = [
      ['queued', '将在联网后提交', 'will be sent to the verification platform'],
      ['needs-new-qr', '未能接受您的资料', 'could not accept your details'],
      ['submitted', '已提交至核验平台', 'were sent to the verification platform'],
      ['liveness-pending', '请用手机扫描下方二维码', 'Scan the QR code below'],
      ['verified', '您已通过身份核验', 'Your identity was verified'],
    ] as const
    for (const [status, zh, en] of cases) {
      const sheet = mount(ReceiptSheet, { props: { receipt: { ...receipt, status }, timeZone: 'Asia/Shanghai', qr: null }, global: inEnglish() })
      expect(sheet.get('[data-testid="paper-next-zh"]').text(), status).toContain(zh)
      expect(sheet.get('[data-testid="paper-next-en"]').text(), status).toContain(en)
    }
  })

  it('shows the face-check QR with its expiry when one is out, and the training mark', () => {
    const sheet = mount(ReceiptSheet, { props: { receipt: { ...receipt, status: 'liveness-pending', training: true }, timeZone: 'Europe/London', qr }, global: inEnglish() })
    expect(sheet.get('[data-testid="paper-qr"] img').attributes('src')).toBe(qr.dataUrl)
    expect(sheet.get('[data-testid="paper-qr"]').text()).toContain('2026/12/05 03:00:00')
    expect(sheet.get('[data-testid="paper-time"]').text()).toBe('2026/12/05 02:31:11')
    expect(sheet.text()).toContain('培训样张，不是有效凭证')
  })

  it('says when no branch name is set, and when the personal data was purged', () => {
    const sheet = mount(ReceiptSheet, { props: { receipt: { ...receipt, branchName: '', maskedName: null, maskedDocumentNumber: null }, timeZone: 'Asia/Shanghai', qr: null }, global: inEnglish() })
    expect(sheet.get('[data-testid="paper-branch"]').text()).toContain('未设置网点名称')
    expect(sheet.get('[data-testid="paper-name"]').text()).toContain('purged')
  })
})

describe('the consent form', () => {
  it('carries the capture screen’s consent in both languages, masked, with blank lines to sign', () => {
    const sheet = mount(ConsentSheet, { props: { receipt, timeZone: 'Asia/Shanghai' }, global: inEnglish() })
    expect(sheet.get('[data-testid="consent-zh"]').text()).toBe(consentText['zh-CN'])
    expect(sheet.get('[data-testid="consent-en"]').text()).toBe(consentText.en)
    for (const words of ['个人信息处理同意书', 'Consent to the processing of personal information', '客户签名', 'Customer signature', '北京朝阳支行', '欧*', '····002X', 'pipl-sensitive-2025-01', '2026/12/05 10:30:00']) {
      expect(sheet.text()).toContain(words)
    }
    expect(sheet.findAll('.blank')).toHaveLength(2)
  })
})

describe('the print view', () => {
  let kyc: ReturnType<typeof fakeKyc>
  beforeEach(() => {
    setActivePinia(createPinia())
    kyc = fakeKyc()
    kyc.answer('applicants:receipt', () => receipt)
    kyc.answer('liveness:session', () => ({ status: 'queued', phase: 'not-available', verifyUrl: null, expiresAt: null }))
  })

  async function mountView(document: 'receipt' | 'consent') {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
    const view = mount(PrintView, { props: { id: receipt.id, document }, global: { plugins: [createAppI18n('zh-CN'), ElementPlus, router] } })
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0))
    await nextTick()
    return view
  }

  it('loads the paper from the core and asks main to print or save exactly it', async () => {
    kyc.answer('print:document', () => ({ outcome: 'printed', location: null }))
    const view = await mountView('consent')
    expect(view.find('[data-testid="consent-sheet"]').exists()).toBe(true)
    await view.get('[data-testid="print-print"]').trigger('click')
    await view.get('[data-testid="print-pdf"]').trigger('click')
    expect(kyc.callsTo('print:document')).toEqual([
      { id: receipt.id, document: 'consent', output: 'printer' },
      { id: receipt.id, document: 'consent', output: 'pdf' },
    ])
    // The buttons and messages stay off the paper.
    expect(view.get('.toolbar').attributes('data-print')).toBe('hide')
  })

  it('shows the core’s refusal in the operator’s words', async () => {
    kyc.answer('print:document', () => {
      throw { code: 'CONFLICT', message: 'not on screen', reason: { key: 'print.viewNotShown' } }
    })
    const view = await mountView('receipt')
    await view.get('[data-testid="print-print"]').trigger('click')
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0))
    expect(view.text()).toContain('要打印的单据不在屏幕上')
  })
})
