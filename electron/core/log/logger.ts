import { LogFile, type LogFileHealth } from './log-file'
import type { Redactor } from './redact'

export type { LogFileHealth } from './log-file'

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
  /** JSON-lines file; rotated to `<file>.1` past `maxBytes` or `maxAgeMs`. Omit to keep logs in memory only. */
  readonly file?: string
  readonly maxBytes?: number
  readonly maxAgeMs?: number
  /** The file stopped (or started again) taking lines: a full disk, say. Told once per change. */
  readonly onFileHealth?: (health: LogFileHealth) => void
  readonly echo?: (line: string) => void
  readonly clock?: () => number
  readonly minLevel?: LogLevel
}

const order: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 }

/**
 * The one logger of the process. Everything is redacted before it is kept or written. Logging
 * never throws into its caller (dispatch, the engine): a line that cannot be redacted, written
 * or echoed is dropped, and a file that cannot be written is said once (issue 17, finding 6).
 */
export function createLogger(options: LoggerOptions): Logger {
  const recent: LogRecord[] = []
  const clock = options.clock ?? Date.now
  const min = order[options.minLevel ?? 'info']

  const keep = (record: LogRecord): void => {
    recent.push(record)
    if (recent.length > 200) recent.shift()
  }
  const echo = (line: string): void => {
    try {
      options.echo?.(line)
    } catch {
      // A closed stdout must not break the caller either.
    }
  }
  // While the file fails, a line a minute tries it again: an idle app (sync paused on a full
  // disk) logs nothing else, and would otherwise never find out that space is back.
  let retrying: ReturnType<typeof setInterval> | null = null
  const retryMs = 60_000
  const file: LogFile | null = options.file
    ? new LogFile({
        file: options.file,
        maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
        maxAgeMs: options.maxAgeMs ?? 7 * 24 * 60 * 60_000,
        retryMs,
        clock,
        onHealth: (health) => {
          if (!health.writable && retrying === null) {
            retrying = setInterval(() => file?.append(JSON.stringify({ time: new Date(clock()).toISOString(), level: 'info', event: 'log.retry' })), retryMs)
            retrying.unref?.()
          } else if (health.writable && retrying !== null) {
            clearInterval(retrying)
            retrying = null
          }
          // Said where it can still be seen: the diagnostics view and the echo, not the failing file.
          const record: LogRecord = health.writable
            ? { time: new Date(clock()).toISOString(), level: 'warn', event: 'log.write-resumed' }
            : { time: new Date(clock()).toISOString(), level: 'error', event: 'log.write-failed', details: { code: health.code } }
          keep(record)
          echo(JSON.stringify(record))
          try {
            options.onFileHealth?.(health)
          } catch {
            // The listener's own failure is not the caller's either.
          }
        },
      })
    : null

  const write = (level: LogLevel, event: string, details?: Record<string, unknown>): void => {
    if (order[level] < min) return
    let record: LogRecord
    let line: string
    try {
      record = { time: new Date(clock()).toISOString(), level, event, ...(details ? { details: options.redactor.value(details) } : {}) }
      line = JSON.stringify(record)
    } catch {
      record = { time: new Date(clock()).toISOString(), level, event, details: '[details could not be logged]' }
      line = JSON.stringify(record)
    }
    if (order[level] >= order.warn) keep(record)
    file?.append(line)
    echo(line)
  }

  return {
    debug: (e, d) => write('debug', e, d),
    info: (e, d) => write('info', e, d),
    warn: (e, d) => write('warn', e, d),
    error: (e, d) => write('error', e, d),
    recent: () => [...recent],
  }
}
