import type { Page } from '@playwright/test'

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`: keyboard-only navigation. */
export async function tabTo(page: Page, selector: string, options: { back?: boolean; max?: number } = {}): Promise<void> {
  for (let i = 0; i < (options.max ?? 80); i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`Tab never reached ${selector}`)
}

/**
 * What a keyboard-wedge scanner does: the whole code typed as real key events in one fast burst,
 * each line ended by Enter, wherever the focus happens to be. The events carry the timestamps a
 * scanner's would (`msPerKey` apart), as the OS stamps hardware keys on arrival; a busy test
 * machine delivering them late then does not turn the scanner into a slow typist.
 */
export async function scannerBurst(page: Page, lines: readonly string[], msPerKey = 4): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  let at = Date.now() / 1000
  const key = async (key: string, text: string, code: string, vk: number) => {
    at += msPerKey / 1000
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code, text, unmodifiedText: text, windowsVirtualKeyCode: vk, timestamp: at })
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: vk, timestamp: at + 0.001 })
  }
  try {
    for (const line of lines) {
      for (const c of line) {
        const upper = c.toUpperCase()
        const vk = /[A-Z0-9]/.test(upper) ? upper.charCodeAt(0) : 0
        await key(c, c, /[A-Z]/.test(upper) ? `Key${upper}` : /[0-9]/.test(c) ? `Digit${c}` : '', vk)
      }
      await key('Enter', '\r', 'Enter', 13)
    }
  } finally {
    await cdp.detach()
  }
}
