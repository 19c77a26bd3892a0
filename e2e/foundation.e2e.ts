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
    await expect(alert).toContainText('That applicant was not found')
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
})
