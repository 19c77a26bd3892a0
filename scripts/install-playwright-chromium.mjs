// postinstall, soft: fetch Playwright's own Chromium for the end-to-end tests when neither
// KYC_DESK_CHROMIUM nor a system Chromium is there, so `npm test` needs no apt step on a machine
// with internet access. Where the download is blocked it says so in one line and the install goes on.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from './electron-runtime.mjs'

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].some((p) => existsSync(p))
const named = Boolean(process.env.KYC_DESK_CHROMIUM && existsSync(process.env.KYC_DESK_CHROMIUM))
const cli = join(projectRoot, 'node_modules/playwright/cli.js')

if (process.env.KYC_DESK_SKIP_PLAYWRIGHT_CHROMIUM === '1' || systemChromium || named || !existsSync(cli)) {
  // Nothing to do: a Chromium is already there, or this is a production-only install.
} else {
  const result = spawnSync(process.execPath, [cli, 'install', 'chromium'], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 })
  if (result.status !== 0) {
    console.warn('kyc-desk: could not download Playwright\'s Chromium; the end-to-end tests need KYC_DESK_CHROMIUM or "apt-get install -y chromium".')
  }
}
