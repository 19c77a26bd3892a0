/**
 * The page-side half of the dashboard benchmark, installed before the app's scripts. Runs in the
 * browser, so it is serialised: no imports, no closures. Every animation frame it checks whether
 * the queue is fully drawn (rows in view filled, no loading placeholders, the sync bar with its
 * counts) and, while recording, keeps the time since the previous frame.
 */
export interface BenchProbe {
  /** performance.now() (ms since navigation) of the first frame that found the queue fully drawn. */
  firstFullRender: number | null
  recording: boolean
  deltas: number[]
}

export function installPageProbe(minRows: number): void {
  const w = window as unknown as { __bench: BenchProbe }
  const probe: BenchProbe = { firstFullRender: null, recording: false, deltas: [] }
  w.__bench = probe
  let last = 0
  const onFrame = (now: number) => {
    if (probe.firstFullRender === null) {
      const rows = document.querySelectorAll('[data-testid="queue-row"]').length
      const waiting = document.querySelectorAll('.qrow.placeholder').length
      if (rows >= minRows && waiting === 0 && document.querySelector('[data-testid="sync-bar"]')) probe.firstFullRender = now
    }
    if (probe.recording && last > 0) probe.deltas.push(now - last)
    last = now
    requestAnimationFrame(onFrame)
  }
  requestAnimationFrame(onFrame)
}
