/**
 * Tells a keyboard-wedge scanner (QR reader, MRZ swipe reader) from a person typing: a scanner
 * "types" a whole code in a fast burst, a few milliseconds per key, and ends each line with Enter.
 * Once a fast run looks like the start of something the app takes from a scanner, its keys are
 * held back from the page (no flicker in the focused field, no work per key); if it turns out to
 * be something else after all, they are released to the page as typed. Pure and clock-injected,
 * so it is tested without a DOM; useScannerInput wires it to keydown.
 */

export interface BurstOptions {
  /** Longest single pause inside a burst: a busy machine delivers the odd key late. */
  readonly maxGapMs: number
  /** A scan's keys come a few milliseconds apart on average; nobody types 8 keys at 40 ms each. */
  readonly maxAverageGapMs: number
  /** Shortest line worth treating as a scan. */
  readonly minLength: number
  /** Keys seen fast before the run may be held back from the page. */
  readonly holdAfter: number
  /** After an Enter, how long to wait for another line (MRZ readers send two or three). */
  readonly settleMs: number
}

export const defaultBurstOptions: BurstOptions = { maxGapMs: 120, maxAverageGapMs: 40, minLength: 8, holdAfter: 4, settleMs: 150 }

export interface KeyStroke {
  readonly key: string
  /** Milliseconds, monotonic (event.timeStamp). */
  readonly time: number
  readonly ctrlKey?: boolean
  readonly altKey?: boolean
  readonly metaKey?: boolean
  readonly repeat?: boolean
  readonly isComposing?: boolean
}

/** `swallow`: the key is held or belongs to a recognised scan and must not reach the page. */
export type KeyDecision = 'pass' | 'swallow'

export interface BurstHandlers {
  /** A new run of keys begins; the adapter notes the focused field's value so it can undo the scan's typing. */
  readonly onStart: () => void
  /** Whether the start of a line (with the lines before it in this burst) may become a scan: hold its keys. */
  readonly mayClaim: (prefix: string, previous: readonly string[]) => boolean
  /** Whether a finished line (with the lines before it in this burst) is something the app takes from a scanner. */
  readonly claims: (line: string, previous: readonly string[]) => boolean
  /** Held keys that were not a scan after all: give them to the page as if typed. */
  readonly onRelease: (text: string) => void
  /** A complete scan: its lines joined with `\n`. */
  readonly onBurst: (text: string) => void
}

export interface Timers {
  set(callback: () => void, ms: number): unknown
  clear(handle: unknown): void
}

const modifierKeys = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph'])

export class ScannerBurstDetector {
  private line = ''
  /** The part of `line` kept from the page. */
  private held = ''
  private gapTotal = 0
  private gaps = 0
  private lines: string[] = []
  private lastTime = Number.NEGATIVE_INFINITY
  private settle: unknown = null
  /** While keys are held: gives them back if the run stops without an Enter (a person pausing, a scanner ending in Tab). */
  private idle: unknown = null

  constructor(
    private readonly handlers: BurstHandlers,
    private readonly options: BurstOptions = defaultBurstOptions,
    private readonly timers: Timers = { set: (cb, ms) => setTimeout(cb, ms), clear: (h) => clearTimeout(h as number) },
  ) {}

  feed(stroke: KeyStroke): KeyDecision {
    if (modifierKeys.has(stroke.key)) return 'pass'
    if (stroke.ctrlKey || stroke.altKey || stroke.metaKey || stroke.repeat || stroke.isComposing) {
      this.abandon()
      return 'pass'
    }
    const gap = stroke.time - this.lastTime
    if (stroke.key.length === 1) return this.character(stroke, gap)
    if (stroke.key === 'Enter') return this.enter(stroke, gap)
    this.abandon()
    return 'pass'
  }

  /** Drops any half-seen burst without releasing held keys (the screen closed). */
  reset(): void {
    if (this.settle !== null) this.timers.clear(this.settle)
    if (this.idle !== null) this.timers.clear(this.idle)
    this.settle = null
    this.idle = null
    this.line = ''
    this.held = ''
    this.gapTotal = 0
    this.gaps = 0
    this.lines = []
    this.lastTime = Number.NEGATIVE_INFINITY
  }

  private character(stroke: KeyStroke, gap: number): KeyDecision {
    const continuesLine = this.line !== '' && gap <= this.options.maxGapMs
    const continuesBurst = this.line === '' && this.lines.length > 0 && gap <= this.options.settleMs
    if (!continuesLine && !continuesBurst) {
      // A slow key: a scan waiting for more lines is complete, held keys were someone typing.
      this.abandon()
      this.handlers.onStart()
      this.line = stroke.key
      this.lastTime = stroke.time
      return 'pass'
    }
    if (this.settle !== null) this.timers.clear(this.settle)
    this.settle = null
    if (continuesLine) this.addGap(gap)
    this.line += stroke.key
    this.lastTime = stroke.time
    const holding =
      this.held !== '' ||
      this.lines.length > 0 ||
      (this.line.length >= this.options.holdAfter && this.isFast() && this.handlers.mayClaim(this.line, this.lines))
    if (!holding) return 'pass'
    this.held += stroke.key
    if (this.idle !== null) this.timers.clear(this.idle)
    this.idle = this.timers.set(() => this.abandon(), this.options.maxGapMs)
    return 'swallow'
  }

  private enter(stroke: KeyStroke, gap: number): KeyDecision {
    if (this.line.length >= this.options.minLength && gap <= this.options.maxGapMs) this.addGap(gap)
    const fast = this.line.length >= this.options.minLength && gap <= this.options.maxGapMs && this.isFast()
    if (!fast || !this.handlers.claims(this.line, this.lines)) {
      this.abandon()
      return 'pass'
    }
    if (this.idle !== null) this.timers.clear(this.idle)
    this.idle = null
    this.lines.push(this.line)
    this.line = ''
    this.held = ''
    this.gapTotal = 0
    this.gaps = 0
    this.lastTime = stroke.time
    if (this.settle !== null) this.timers.clear(this.settle)
    this.settle = this.timers.set(() => this.finish(), this.options.settleMs)
    return 'swallow'
  }

  private isFast(): boolean {
    return this.gaps > 0 && this.gapTotal / this.gaps <= this.options.maxAverageGapMs
  }

  private addGap(gap: number): void {
    this.gapTotal += gap
    this.gaps++
  }

  /** The run is over and was not a (further) scan line: finish what was scanned, hand back what was held. */
  private abandon(): void {
    const held = this.held
    if (this.lines.length > 0) this.finish()
    this.reset()
    if (held !== '') this.handlers.onRelease(held)
  }

  private finish(): void {
    const text = this.lines.join('\n')
    this.reset()
    this.handlers.onBurst(text)
  }
}
