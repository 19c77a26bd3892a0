import { expect, it } from 'vitest'
import { inZone, toCsv } from './log-export'

it('exports log times in the branch zone with its offset, keeping lines without a time', () => {
  const records = inZone(
    [
      { time: '2026-11-29T01:31:11.000Z', level: 'warn', event: 'sync.retry', details: null },
      { time: '', level: 'unparsed', event: 'garbage', details: null },
    ],
    'Asia/Shanghai',
  )
  expect(records.map((r) => r.time)).toEqual(['2026-11-29T09:31:11+08:00', ''])
  expect(toCsv(records)).toContain('2026-11-29T09:31:11+08:00,warn,sync.retry')
})
