import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base } from './app-fixture'
import { chromiumArgs, findChromium } from './chromium'
import { documentJpeg, writeY4m } from './documents'

/**
 * The app harness in a Chromium whose fake camera shows an ID card front (a one-frame y4m fixes the
 * picture and its 1280 x 800 size), for tests and screenshots of capturing from a camera.
 */
export const cameraTest = base.extend<object, { fakeVideo: string }>({
  fakeVideo: [
    async ({ browserName }, use) => {
      void browserName
      const path = join(mkdtempSync(join(tmpdir(), 'kyc-camera-')), 'id-front.y4m')
      await writeY4m(path, await documentJpeg('front', 1280, 800), 1280, 800)
      await use(path)
    },
    { scope: 'worker' },
  ],
  launchOptions: [async ({ fakeVideo }, use) => use({ executablePath: findChromium(), args: chromiumArgs(fakeVideo) }), { scope: 'worker' }],
})
