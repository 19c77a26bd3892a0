import { join } from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { Page } from '@playwright/test'
import { demoIdentity } from '../electron/core/environment/demo-applicants'
import { demoOperator, expect, test } from './harness/app-fixture'
import { sandboxAccount, seedApplicant } from './harness/seed'

const pdfjsRoot = join(import.meta.dirname, '../node_modules/pdfjs-dist')

/** The text of every page of a PDF, as a reader's copy and paste would give it, without spacing. */
async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${pdfjsRoot}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${pdfjsRoot}/standard_fonts/`,
    disableFontFace: true,
  }).promise
  let text = ''
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent()
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('')
  }
  const pages = pdf.numPages
  await pdf.destroy()
  return { pages, text: text.replace(/\s+/g, '') }
}

const squeeze = (value: string) => value.replace(/\s+/g, '')

/** The paper as the browser prints it to A4 (print media, the page's own @page rule). */
async function printed(page: Page): Promise<{ pages: number; text: string }> {
  return pdfText(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }))
}

test('the customer gets a bilingual receipt and consent form as PDF: masked, with the branch and the face-check QR', async ({ app }) => {
  const { page, core } = app
  core.settings.update({ branchName: '北京朝阳支行' })
  const identity = demoIdentity(4)
  const fullName = `${identity.surname}${identity.givenName}`
  const maskedName = `${identity.surname}*`
  const maskedNumber = `····${identity.documentNumber.slice(-4)}`
  const id = await seedApplicant(core, await sandboxAccount(app.sandbox.admin), identity)
  const reference = core.store.applicants.summary(id)?.reference ?? ''
  await expect.poll(() => core.store.applicants.summary(id)?.status, { timeout: 60_000 }).toBe('submitted')

  // The operator starts the face check with the customer present, then prints the receipt with its QR.
  await app.open(`/applicants/${id}`)
  await page.getByTestId('liveness-start').click()
  await expect(page.getByTestId('liveness-qr')).toBeVisible()
  await page.getByTestId('detail-print-receipt').click()
  await expect(page).toHaveURL(new RegExp(`#/applicants/${id}/receipt$`))
  const sheet = page.getByTestId('receipt-sheet')
  await expect(sheet.getByTestId('paper-reference')).toHaveText(reference)
  await expect(sheet.getByTestId('paper-qr').locator('img')).toBeVisible()

  const receipt = await printed(page)
  expect(receipt.pages).toBe(1)
  for (const words of ['受理回执', 'Receipt', reference, maskedName, maskedNumber, '北京朝阳支行', '接下来', 'Whathappensnext', '请用手机扫描下方二维码', demoOperator.name]) {
    expect(receipt.text, words).toContain(squeeze(words))
  }
  expect(receipt.text).not.toContain(identity.documentNumber)
  expect(receipt.text).not.toContain(fullName)
  // Printing leaves no app chrome on the paper: not the navigation, not the print buttons.
  expect(receipt.text).not.toContain('申请队列')
  expect(receipt.text).not.toContain('另存为PDF')

  // In browser mode both buttons open the browser's own print dialog (which also saves PDFs), and
  // each print is audited without personal data. Headless Chromium's dialog would never close, so
  // the test counts the calls instead.
  await page.evaluate(() => {
    const counted = window as Window & { printCalls?: number }
    counted.printCalls = 0
    window.print = () => void (counted.printCalls = (counted.printCalls ?? 0) + 1)
  })
  await page.getByTestId('print-print').click()
  await expect.poll(() => page.evaluate(() => (window as Window & { printCalls?: number }).printCalls)).toBe(1)
  await page.getByTestId('print-pdf').click()
  await expect(page.getByText('已打开浏览器的打印对话框')).toBeVisible()
  await expect.poll(() => page.evaluate(() => (window as Window & { printCalls?: number }).printCalls)).toBe(2)
  await expect.poll(() => core.store.events.listForApplicant(id).filter((e) => e.type === 'receipt-printed').map((e) => e.details)).toEqual([
    { output: 'printer', outcome: 'browser' },
    { output: 'pdf', outcome: 'browser' },
  ])

  await page.getByRole('link', { name: '返回申请人详情' }).click()
  await page.getByTestId('detail-print-consent').click()
  await expect(page.getByTestId('consent-sheet')).toBeVisible()
  const consent = await printed(page)
  expect(consent.pages).toBe(1)
  for (const words of ['个人信息处理同意书', 'Consenttotheprocessingofpersonalinformation', '客户签名', 'Customersignature', reference, maskedName, maskedNumber, '北京朝阳支行', '客户已阅读并同意']) {
    expect(consent.text, words).toContain(squeeze(words))
  }
  expect(consent.text).not.toContain(identity.documentNumber)
  expect(consent.text).not.toContain(fullName)

  // The timeline names what was printed, in the operator's words.
  await page.getByRole('link', { name: '返回申请人详情' }).click()
  await expect(page.getByRole('region', { name: '事件记录' })).toContainText('打印回执')
})
