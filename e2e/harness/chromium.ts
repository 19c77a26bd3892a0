import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export const chromiumEnvVar = 'KYC_DESK_CHROMIUM'

const systemChromiums = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

/** Where Playwright's own Chromium would be, once `npx playwright install chromium` has fetched it. */
function playwrightChromium(): string | null {
  try {
    return chromium.executablePath()
  } catch {
    return null
  }
}

/**
 * The Chromium the end-to-end tests drive, in order: the path in KYC_DESK_CHROMIUM, the system's
 * (Debian's), then Playwright's own build (fetched by the soft postinstall step where its
 * download is allowed). None found: the error names all three ways to get one.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, playwrightBuild: string | null = playwrightChromium()): string {
  const candidates = [env[chromiumEnvVar], ...systemChromiums, playwrightBuild].filter((p): p is string => typeof p === 'string' && p.length > 0)
  const found = candidates.find((p) => existsSync(p))
  if (found) return found
  throw new Error(
    `No Chromium found (looked at ${candidates.join(', ')}). Any one of these works: point ${chromiumEnvVar} at a ` +
      'Chromium or Chrome binary; install the system one ("apt-get install -y chromium" on Debian/Ubuntu); or fetch ' +
      "Playwright's own with \"npx playwright install chromium\" (needs internet access).",
  )
}

/** Flags for a headless Chromium on a closed network, as root, with a fake camera for capture tests. */
export function chromiumArgs(fakeVideoFile?: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    ...(fakeVideoFile ? [`--use-file-for-fake-video-capture=${fakeVideoFile}`] : []),
  ]
}
