import { readFileSync } from 'node:fs'

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on every Linux build in use). */
const TICKS_PER_SECOND = 100

function ticksOf(statFile: string): number | null {
  try {
    const stat = readFileSync(statFile, 'utf8')
    // Fields after the command name (which may hold spaces) start at ')'; utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return null
  }
}

/**
 * CPU time (user + system, ms) of one thread of this process, or of a whole other process, from
 * /proc: Linux only (null elsewhere), 10 ms resolution, which is plenty over a run of seconds.
 * The main thread's id is the process id.
 */
export function threadCpuMs(tid: number = process.pid): number | null {
  const ticks = ticksOf(`/proc/self/task/${tid}/stat`)
  return ticks === null ? null : (ticks * 1000) / TICKS_PER_SECOND
}

export function processCpuMs(pid: number): number | null {
  const ticks = ticksOf(`/proc/${pid}/stat`)
  return ticks === null ? null : (ticks * 1000) / TICKS_PER_SECOND
}
