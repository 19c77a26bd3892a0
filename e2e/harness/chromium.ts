import { existsSync } from 'node:fs'

export const chromiumEnvVar = 'KYC_DESK_CHROMIUM'

/**
 * The Chromium the end-to-end tests drive. Playwright's own browser download cannot work on the
 * build machines, so a system Chromium is used: the path in KYC_DESK_CHROMIUM, else Debian's.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env[chromiumEnvVar], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => typeof p === 'string' && p.length > 0,
  )
  const found = candidates.find((p) => existsSync(p))
  if (found) return found
  throw new Error(
    `No Chromium found (looked at ${candidates.join(', ')}). Install one with "apt-get install -y chromium" ` +
      `(Debian/Ubuntu), or point ${chromiumEnvVar} at any Chromium or Chrome binary.`,
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
