import { expect, test } from './harness/app-fixture'

test('Help opens with F1 from anywhere, and with ? only outside a text field', async ({ app }) => {
  const { page } = app
  await app.open('/queue')
  await expect(page.getByRole('heading', { name: '申请队列' })).toBeVisible()
  await page.keyboard.press('F1')
  const help = page.getByTestId('help-view')
  await expect(help).toBeVisible()
  await expect(page).toHaveURL(/#\/help$/)
  await expect(help.getByRole('heading', { name: '接待一位客户：五步' })).toBeVisible()
  // What each status means, the shortcuts from the same list the capture screen shows, and what to do when stuck.
  await expect(help).toContainText('待人脸核验')
  await expect(help).toContainText('这是等待，不是失败')
  await expect(help.getByTestId('help-shortcuts')).toContainText('Alt+1')
  await expect(help.getByTestId('help-shortcuts')).toContainText('Ctrl+Enter')
  await expect(help).toContainText('提示“需要客户的新账户二维码”')

  // `?` typed into a field is a question mark, not a shortcut; F1 works there.
  await app.open('/capture')
  await page.locator('#cap-surname').click()
  await page.keyboard.type('?')
  await expect(page.locator('#cap-surname')).toHaveValue('?')
  await expect(page.getByTestId('capture-view')).toBeVisible()
  await page.keyboard.press('F1')
  await expect(help).toBeVisible()

  // In English, and with ? from outside a field.
  await page.getByTestId('language-switch').getByText('English').click()
  await app.open('/queue')
  await page.locator('body').click({ position: { x: 5, y: 300 } })
  await page.keyboard.press('?')
  await expect(help.getByRole('heading', { name: 'One walk-in customer in five steps' })).toBeVisible()
  await expect(help).toContainText('This is waiting, not a failure')
})
