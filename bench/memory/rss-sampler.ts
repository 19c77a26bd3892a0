/** Samples this process's resident set every few ms; `peak` is the largest seen since the last reset. */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null
  private max = 0

  start(everyMs = 50): void {
    this.max = process.memoryUsage.rss()
    this.timer = setInterval(() => {
      this.max = Math.max(this.max, process.memoryUsage.rss())
    }, everyMs)
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    return Math.max(this.max, process.memoryUsage.rss())
  }
}

/** RSS and heap after full collections (needs --expose-gc; the runner passes it to this benchmark). */
export async function settledMemory(): Promise<{ rss: number; heapUsed: number; external: number }> {
  const gc = globalThis.gc
  if (!gc) throw new Error('the memory benchmark needs node --expose-gc')
  for (let i = 0; i < 3; i += 1) {
    gc()
    // Lets finalizers and freed native buffers (sockets, sharp, SQLite statements) go.
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const { rss, heapUsed, external } = process.memoryUsage()
  return { rss, heapUsed, external }
}
