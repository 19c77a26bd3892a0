import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { dirname } from 'node:path'

/** Whether the log file can be written; reported on a change only. */
export type LogFileHealth = { readonly writable: true } | { readonly writable: false; readonly code: string }

export interface LogFileOptions {
  readonly file: string
  /** Rotated to `<file>.1` (the one older file kept) past this size... */
  readonly maxBytes: number
  /** ...or once the current file is this old. */
  readonly maxAgeMs: number
  /** After a failure, the next attempt waits this long: a full disk is not retried on every line. */
  readonly retryMs: number
  readonly clock: () => number
  readonly onHealth: (health: LogFileHealth) => void
}

/**
 * The log's file. Appends synchronously (the last lines before a crash are the ones that
 * matter), and never throws: a full or failing disk is reported once through `onHealth`, lines
 * are dropped while it lasts, and writing resumes (and is reported) when the disk takes them.
 */
export class LogFile {
  private startedAt: number | null = null
  private failedAt: number | null = null

  constructor(private readonly options: LogFileOptions) {
    try {
      mkdirSync(dirname(options.file), { recursive: true })
    } catch {
      // Reported by the first write.
    }
  }

  append(line: string): void {
    const now = this.options.clock()
    if (this.failedAt !== null && now - this.failedAt < this.options.retryMs) return
    try {
      this.rotateIfDue(now)
      appendFileSync(this.options.file, `${line}\n`, { mode: 0o600 })
    } catch (error) {
      const first = this.failedAt === null
      this.failedAt = now
      if (first) this.options.onHealth({ writable: false, code: (error as NodeJS.ErrnoException).code ?? 'unknown' })
      return
    }
    if (this.failedAt !== null) {
      this.failedAt = null
      this.options.onHealth({ writable: true })
    }
  }

  private rotateIfDue(now: number): void {
    const { file, maxBytes, maxAgeMs } = this.options
    let size: number
    try {
      const stats = statSync(file)
      size = stats.size
      this.startedAt ??= Math.min(stats.birthtimeMs || stats.mtimeMs, now)
    } catch {
      // No file yet: this line starts one.
      this.startedAt = now
      return
    }
    if (size > maxBytes || now - this.startedAt > maxAgeMs) {
      renameSync(file, `${file}.1`)
      this.startedAt = now
    }
  }
}
