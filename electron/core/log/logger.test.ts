import type * as realFs from 'node:fs'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { dispatch } from '../ipc/dispatch'
import type { HandlerTable } from '../ipc/handler-table'
import { originSenderPolicy } from '../ipc/sender-policy'
import { createLogger, type LogFileHealth } from './logger'
import { Redactor } from './redact'

/** The disk, as the log file sees it: full while `disk.full` is set. */
const disk = vi.hoisted(() => ({ full: false }))
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof realFs>()
  const appendFileSync: typeof fs.appendFileSync = (...args) => {
    if (disk.full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    return fs.appendFileSync(...args)
  }
  return { ...fs, default: { ...fs, appendFileSync }, appendFileSync }
})

let dir: string
let now: number
let health: LogFileHealth[]
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-log-'))
  now = Date.parse('2026-03-01T08:00:00Z')
  health = []
  disk.full = false
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const file = () => join(dir, 'logs', 'kyc-desk.log')
const open = (extra: { maxBytes?: number; maxAgeMs?: number } = {}) =>
  createLogger({ redactor: new Redactor(), file: file(), clock: () => now, onFileHealth: (h) => health.push(h), ...extra })
const lines = (path = file()) => readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { event: string })

describe('finding 6: logging never throws into its callers, and says once that it cannot write', () => {
  it('a full disk: no throw from the logger or from dispatch, one notice, and writing resumes when space is back', async () => {
    const log = open()
    log.info('before', {})
    disk.full = true
    for (let i = 0; i < 50; i++) expect(() => log.error('during', { i })).not.toThrow()
    const handlers = { 'app:info': () => Promise.reject(new Error('boom')) } as unknown as HandlerTable
    const result = await dispatch(handlers, 'app:info', {}, 'app://kyc-desk/index.html', originSenderPolicy(['app://kyc-desk']), log)
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(health).toEqual([{ writable: false, code: 'ENOSPC' }])
    expect(log.recent().filter((r) => r.event === 'log.write-failed')).toEqual([expect.objectContaining({ level: 'error', details: { code: 'ENOSPC' } })])

    disk.full = false
    log.info('too soon', {})
    now += 60_000
    log.info('after', {})
    expect(health).toEqual([{ writable: false, code: 'ENOSPC' }, { writable: true }])
    expect(lines().map((l) => l.event)).toEqual(['before', 'after'])
  })

  it('an idle app finds out that space is back: the file is tried again once a minute while it fails', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    try {
      const log = open()
      disk.full = true
      log.info('during', {})
      disk.full = false
      now += 60_000
      vi.advanceTimersByTime(60_000)
      expect(health).toEqual([{ writable: false, code: 'ENOSPC' }, { writable: true }])
      expect(log.recent().map((r) => r.event)).toEqual(['log.write-failed', 'log.write-resumed'])
    } finally {
      vi.useRealTimers()
    }
  })

  it('rotates by size and by age, keeping the previous file', () => {
    const log = open({ maxBytes: 200, maxAgeMs: 24 * 60 * 60_000 })
    log.info('first', {})
    log.info('second', { padding: 'x'.repeat(200) })
    log.info('third', {})
    expect(lines(`${file()}.1`).map((l) => l.event)).toEqual(['first', 'second'])
    now += 25 * 60 * 60_000
    log.info('next day', {})
    expect(lines(`${file()}.1`).map((l) => l.event)).toEqual(['third'])
    expect(lines().map((l) => l.event)).toEqual(['next day'])
    expect(existsSync(`${file()}.2`)).toBe(false)
  })

  it('a value the redactor cannot handle, or a broken echo, is not the caller\'s problem', () => {
    const circular: Record<string, unknown> = {}
    circular.self = circular
    const log = createLogger({ redactor: new Redactor(), echo: () => { throw new Error('EPIPE') } })
    expect(() => log.warn('odd', { circular })).not.toThrow()
    expect(log.recent()).toHaveLength(1)
  })
})
