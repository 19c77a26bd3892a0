import { describe, expect, it, vi } from 'vitest'
import { classifyScan, claimsScanLine, mayClaimScan } from './scan-routing'
import { ScannerBurstDetector, type KeyDecision } from './scanner-burst'

function setup() {
  const bursts: string[] = []
  const released: string[] = []
  const onStart = vi.fn()
  const detector = new ScannerBurstDetector({
    onStart,
    mayClaim: mayClaimScan,
    claims: claimsScanLine,
    onRelease: (text) => released.push(text),
    onBurst: (text) => bursts.push(text),
  })
  let now = 1_000
  /** Feeds `text` (with `\n` as Enter) at `gapMs` per key; returns each key's decision. */
  const type = (text: string, gapMs: number): KeyDecision[] =>
    [...text].map((c) => {
      now += gapMs
      return detector.feed({ key: c === '\n' ? 'Enter' : c, time: now })
    })
  const wait = (ms: number) => {
    now += ms
    vi.advanceTimersByTime(ms)
  }
  return { bursts, released, onStart, detector, type, wait }
}

const binding = 'kyc://bind?uid=1234567890123&token=abcDEF123+/x'
const td3 = [
  'P<CHNZHANG<<SAN<<<<<<<<<<<<<<<<<<<<<<<<<<<<<',
  'E123456786CHN9001014M3001014<<<<<<<<<<<<<<06',
]

describe('scanner burst detector', () => {
  it('takes a fast line ending in Enter as one scan: its first keys reach the page, the rest and the Enter do not', () => {
    vi.useFakeTimers()
    const { bursts, released, type, wait, onStart } = setup()
    const decisions = type(`${binding}\n`, 5)
    expect(decisions.slice(0, 3)).toEqual(['pass', 'pass', 'pass'])
    expect(decisions.slice(3).every((d) => d === 'swallow')).toBe(true)
    expect(released).toEqual([])
    wait(200)
    expect(bursts).toEqual([binding])
    expect(onStart).toHaveBeenCalledTimes(1)
    vi.useRealTimers()
  })

  it('joins the lines of an MRZ swipe into one scan', () => {
    vi.useFakeTimers()
    const { bursts, type, wait } = setup()
    type(`${td3[0]}\n`, 4)
    wait(20)
    type(`${td3[1]}\n`, 4)
    wait(200)
    expect(bursts).toEqual([td3.join('\n')])
    vi.useRealTimers()
  })

  it('leaves a person typing alone, Enter included', () => {
    vi.useFakeTimers()
    const { bursts, type, wait } = setup()
    const decisions = type(`${binding}\n`, 120)
    wait(500)
    expect(decisions.every((d) => d === 'pass')).toBe(true)
    expect(bursts).toEqual([])
    vi.useRealTimers()
  })

  it('gives a barcode that is neither a binding nor an MRZ back to the page, Enter included', () => {
    vi.useFakeTimers()
    const { bursts, released, type, wait } = setup()
    const decisions = type('6901234567892\n', 5)
    expect(decisions.at(-1)).toBe('pass')
    expect(released).toEqual(['1234567892'])
    wait(500)
    expect(bursts).toEqual([])
    vi.useRealTimers()
  })

  it('ignores short bursts, modifier keys and key repeat', () => {
    vi.useFakeTimers()
    const { bursts, type, detector, wait } = setup()
    expect(type('{"a"}\n', 5).at(-1)).toBe('pass')
    expect(detector.feed({ key: 'Shift', time: 5_000 })).toBe('pass')
    expect(detector.feed({ key: 'a', time: 5_001, repeat: true })).toBe('pass')
    wait(500)
    expect(bursts).toEqual([])
    vi.useRealTimers()
  })

  it('finishes a pending scan at once when a person starts typing', () => {
    vi.useFakeTimers()
    const { bursts, released, type } = setup()
    type(`${binding}\n`, 5)
    expect(type('x', 400)).toEqual(['pass'])
    expect(bursts).toEqual([binding])
    expect(released).toEqual([])
    vi.useRealTimers()
  })

  it('tolerates the odd late key of a busy machine inside a fast burst', () => {
    vi.useFakeTimers()
    const { bursts, type, wait } = setup()
    type(binding.slice(0, 20), 5)
    type(binding.slice(20, 21), 110)
    expect(type(`${binding.slice(21)}\n`, 5).at(-1)).toBe('swallow')
    wait(200)
    expect(bursts).toEqual([binding])
    vi.useRealTimers()
  })

  it('gives held keys back when the run stops without an Enter', () => {
    vi.useFakeTimers()
    const { bursts, released, type, wait } = setup()
    type('11010519491231002X', 5)
    expect(released).toEqual([])
    wait(200)
    expect(released).toEqual(['10519491231002X'])
    expect(bursts).toEqual([])
    vi.useRealTimers()
  })

  it('a quick typist is still a person: 60 ms a key is not a scan', () => {
    vi.useFakeTimers()
    const { bursts, type, wait } = setup()
    expect(type(`${binding}\n`, 60).at(-1)).toBe('pass')
    wait(500)
    expect(bursts).toEqual([])
    vi.useRealTimers()
  })

  it('a long pause inside a line breaks the burst and hands the held keys back', () => {
    vi.useFakeTimers()
    const { bursts, released, type, wait } = setup()
    type(binding.slice(0, 10), 5)
    type(binding.slice(10, 11), 300)
    type(`${binding.slice(11)}\n`, 5)
    wait(500)
    expect(bursts).toEqual([])
    expect(released[0]).toBe(binding.slice(3, 10))
    vi.useRealTimers()
  })
})

describe('scan routing', () => {
  it('routes bindings and MRZ by content', () => {
    expect(classifyScan('{"uid":"1","token":"t"}')).toBe('binding')
    expect(classifyScan(binding)).toBe('binding')
    expect(classifyScan(td3.join('\n'))).toBe('mrz')
  })

  it('claims MRZ lines, also typed through a full-width IME, and only with fillers on the first line', () => {
    expect(claimsScanLine(td3[0]!, [])).toBe(true)
    expect(claimsScanLine(td3[0]!.replace(/[A-Z<]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), [])).toBe(true)
    expect(claimsScanLine('A'.repeat(44), [])).toBe(false)
    expect(claimsScanLine(td3[1]!, [td3[0]!])).toBe(true)
  })
})
