import { defineConfig } from '@playwright/test'
import { chromiumArgs, findChromium } from './e2e/harness/chromium'

// The renderer is built by `npm run test:e2e` before this runs (out/renderer).
export default defineConfig({
  testDir: 'e2e',
  testMatch: /.*\.e2e\.ts$/,
  outputDir: 'e2e/.artifacts/results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  // CI machines are shared and noisy: one retry, and a test that needed it is reported as flaky.
  retries: process.env['CI'] ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: chromiumArgs() },
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    // A branch in Beijing: a time shown in UTC by mistake is eight hours off and a test sees it.
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
  },
})
