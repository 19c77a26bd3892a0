import type { DiskFullSignal } from './ports'

/** Disk-full error codes: no space, or over the user's quota. */
export function isDiskFullCode(code: string): boolean {
  return code === 'ENOSPC' || code === 'EDQUOT'
}

/** Set by whoever finds the disk full (the log file) and cleared when a write succeeds again; read by the engine. */
export class DiskFullFlag implements DiskFullSignal {
  private full = false
  private readonly listeners = new Set<(full: boolean) => void>()

  isFull(): boolean {
    return this.full
  }

  set(full: boolean): void {
    if (full === this.full) return
    this.full = full
    for (const listener of this.listeners) listener(full)
  }

  onChange(listener: (full: boolean) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
