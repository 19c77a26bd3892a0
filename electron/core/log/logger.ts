import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Redactor } from './redact'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface LogRecord {
  readonly time: string
  readonly level: LogLevel
  readonly event: string
  readonly details?: unknown
}

export interface Logger {
  debug(event: string, details?: Record<string, unknown>): void
  info(event: string, details?: Record<string, unknown>): void
  warn(event: string, details?: Record<string, unknown>): void
  error(event: string, details?: Record<string, unknown>): void
  /** The most recent warnings and errors, already redacted, for the diagnostics view. */
  recent(): readonly LogRecord[]
}

export interface LoggerOptions {
  readonly redactor: Redactor
  /** JSON-lines file; rotated to `<file>.1` past `maxBytes`. Omit to keep logs in memory only. */
  readonly file?: string
  readonly maxBytes?: number
  readonly echo?: (line: string) => void
  readonly clock?: () => number
  readonly minLevel?: LogLevel
}

const order: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 }

/** The one logger of the process. Everything is redacted before it is kept or written. */
export function createLogger(options: LoggerOptions): Logger {
  const recent: LogRecord[] = []
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024
  const clock = options.clock ?? Date.now
  const min = order[options.minLevel ?? 'info']
  if (options.file) mkdirSync(dirname(options.file), { recursive: true })

  const rotateIfLarge = (file: string): void => {
    try {
      if (statSync(file).size > maxBytes) renameSync(file, `${file}.1`)
    } catch {
      // No file yet: nothing to rotate.
    }
  }

  const write = (level: LogLevel, event: string, details?: Record<string, unknown>): void => {
    if (order[level] < min) return
    const record: LogRecord = {
      time: new Date(clock()).toISOString(),
      level,
      event,
      ...(details ? { details: options.redactor.value(details) } : {}),
    }
    const line = JSON.stringify(record)
    if (order[level] >= order.warn) {
      recent.push(record)
      if (recent.length > 200) recent.shift()
    }
    if (options.file) {
      rotateIfLarge(options.file)
      appendFileSync(options.file, `${line}\n`, { mode: 0o600 })
    }
    options.echo?.(line)
  }

  return {
    debug: (e, d) => write('debug', e, d),
    info: (e, d) => write('info', e, d),
    warn: (e, d) => write('warn', e, d),
    error: (e, d) => write('error', e, d),
    recent: () => [...recent],
  }
}
