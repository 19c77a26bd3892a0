import { expect, test } from './harness/app-fixture'

test.describe('foundation: the renderer reaches the core through the contract', () => {
  test('a screen shows what a real core function returned', async ({ app }) => {
    await app.open('/system')
    await expect(app.page.getByTestId('app-version')).toHaveText('0.0.0-e2e')
    // Training mode comes from the core's endpoint resolution: no platform is configured.
    await expect(app.page.getByTestId('training-banner')).toBeVisible()
  })

  test('a typed error from the core reaches the screen with its code', async ({ app }) => {
    await app.open('/applicants/0000000000-missing')
    const alert = app.page.getByTestId('ipc-error')
    await expect(alert).toBeVisible()
    await expect(alert).toHaveAttribute('data-code', 'NOT_FOUND')
    await expect(alert).toContainText('找不到该申请人')
  })

  test('the renderer has no Node: no require, process, module or Buffer', async ({ app }) => {
    await app.open('/system')
    const globals = await app.page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>
      return ['require', 'process', 'module', 'Buffer', 'global', '__dirname'].map((name) => [name, typeof w[name]])
    })
    expect(globals).toEqual([
      ['require', 'undefined'],
      ['process', 'undefined'],
      ['module', 'undefined'],
      ['Buffer', 'undefined'],
      ['global', 'undefined'],
      ['__dirname', 'undefined'],
    ])
  })

  test('channels outside the contract are refused by the bridge', async ({ app }) => {
    await app.open('/system')
    const result = await app.page.evaluate(() =>
      (window as unknown as { kyc: { invoke: (c: string, r: unknown) => Promise<unknown> } }).kyc.invoke('shell:open', {}),
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
  })

  test('window.kyc is the preload bridge: frozen, not replaceable, unknown events refused', async ({ app }) => {
    await app.open('/system')
    const facts = await app.page.evaluate(() => {
      const w = window as unknown as { kyc: { on: (event: string, handler: () => void) => unknown } }
      const before = w.kyc
      try {
        ;(window as unknown as { kyc: unknown }).kyc = {}
      } catch {
        // A strict-mode assignment to a non-writable property throws; either way it must not stick.
      }
      let unknownEvent = ''
      try {
        w.kyc.on('fs:changed', () => undefined)
      } catch (error) {
        unknownEvent = String(error)
      }
      return { frozen: Object.isFrozen(before), same: w.kyc === before, unknownEvent }
    })
    expect(facts).toEqual({ frozen: true, same: true, unknownEvent: expect.stringContaining('Unknown event') })
  })
})

test.describe('operators', () => {
  test.use({ signIn: false })

  test('first run creates an operator, then the app locks on sign-out and opens with the PIN', async ({ app }) => {
    await app.open('/system')
    const page = app.page
    await expect(page.getByTestId('first-run')).toBeVisible()
    // Personal-data screens answer LOCKED until someone signs in.
    const locked = await page.evaluate(() =>
      (window as unknown as { kyc: { invoke: (c: string, r: unknown) => Promise<unknown> } }).kyc.invoke('applicants:counts', {}),
    )
    expect(locked).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    await page.locator('#first-run-name').fill('Lin')
    await page.locator('#first-run-pin').fill('246810')
    await page.locator('#first-run-pin-again').fill('246810')
    await page.locator('#first-run-pin-again').press('Enter')
    await expect(page.getByTestId('signed-in-operator')).toContainText('Lin')
    await expect(page.getByTestId('app-version')).toBeVisible()

    await page.getByTestId('signed-in-operator').getByRole('button').click()
    await expect(page.getByTestId('sign-in')).toBeVisible()
    await page.locator('#sign-in-pin').fill('999999')
    await page.locator('#sign-in-pin').press('Enter')
    await expect(page.getByTestId('ipc-error')).toContainText('PIN 错误（还可尝试 4 次）')
    await page.locator('#sign-in-pin').fill('246810')
    await page.locator('#sign-in-pin').press('Enter')
    await expect(page.getByTestId('app-version')).toBeVisible()
    const types = app.core.store.events.listAfter(0, 50).map((e) => e.type)
    expect(types).toEqual(['operator-created', 'signed-in', 'signed-out', 'sign-in-failed', 'signed-in'])
  })
})
