import type { Page } from '@playwright/test'
import type { OperatorInput } from '../../shared/operator-speed/klm'

/**
 * Records, in the page, what the operator does with keyboard and mouse, for the keystroke-level
 * estimate (shared/operator-speed/klm.ts). A lone modifier is part of its chord, not a press. The
 * devices (a keyboard-wedge scanner) are not the operator: pause the recorder around them.
 */
export async function recordOperatorInputs(page: Page): Promise<void> {
  await page.evaluate(() => {
    const recorder: { inputs: unknown[]; paused: boolean } = { inputs: [], paused: false }
    Object.assign(window, { operatorInputs: recorder })
    window.addEventListener(
      'keydown',
      (event) => {
        if (recorder.paused || ['Alt', 'Control', 'Shift', 'Meta'].includes(event.key)) return
        const target = event.target
        const inText = target instanceof HTMLInputElement && !['checkbox', 'radio'].includes(target.type)
        const typing = event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey && (event.key !== ' ' || inText)
        const modifiers = [event.ctrlKey, event.altKey, event.metaKey, event.shiftKey && !typing].filter(Boolean).length
        recorder.inputs.push({ kind: 'key', key: event.key, modifiers, typing })
      },
      true,
    )
    window.addEventListener('pointerdown', () => recorder.paused || recorder.inputs.push({ kind: 'click' }), true)
  })
}

type Recorder = { operatorInputs: { inputs: OperatorInput[]; paused: boolean } }

export async function pauseOperatorInputs(page: Page, paused: boolean): Promise<void> {
  await page.evaluate((value) => ((window as unknown as Recorder).operatorInputs.paused = value), paused)
}

export const operatorInputs = (page: Page): Promise<OperatorInput[]> => page.evaluate(() => (window as unknown as Recorder).operatorInputs.inputs)
