import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { z } from 'zod'
import { sandboxAdmin, type SandboxAdmin } from '../../sandbox/index'
import type { LinkShape } from '../../sandbox/link/shaped-link'
import { childReplySchema, type ChildReply, type ChildRequest } from './sandbox-protocol'

export interface SandboxUser {
  readonly uid: string
  readonly token: string
}

export interface SandboxProcess {
  readonly api: string
  readonly oss: string
  readonly admin: SandboxAdmin
  readonly bucket: string
  readonly region: string
  /** The sandbox's process id, so a benchmark can read the CPU time it spent. */
  readonly pid: number
  /** Requests answered since the last reset, by `api <METHOD> <path>` or `oss <METHOD>`. */
  counts(): Promise<Record<string, number>>
  resetCounts(): Promise<void>
  /** Forgets every account, record and object, so each run meets a sandbox of the same size. */
  resetData(): Promise<void>
  createUsers(n: number): Promise<SandboxUser[]>
  close(): Promise<void>
}

const userSchema = z.object({ uid: z.string(), token: z.string() })

/** Starts bench/lib/sandbox-child.ts with tsx and waits for its addresses. */
export async function startSandboxProcess(options: { link?: LinkShape } = {}): Promise<SandboxProcess> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'sandbox-child.ts'), options.link ? ['--link', JSON.stringify(options.link)] : [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const waiting = new Map<number, (reply: ChildReply) => void>()
  child.on('message', (message: unknown) => {
    const reply = childReplySchema.parse(message)
    waiting.get(reply.id)?.(reply)
    waiting.delete(reply.id)
  })
  let nextId = 1
  const ask = (type: ChildRequest['type']) =>
    new Promise<ChildReply>((resolve) => {
      const id = nextId++
      waiting.set(id, resolve)
      child.send({ type, id } satisfies ChildRequest)
    })
  const ready = await new Promise<ChildReply>((resolve, reject) => {
    waiting.set(0, resolve)
    child.once('exit', (code) => reject(new Error(`sandbox process exited with ${String(code)} before it was ready`)))
  })
  if (ready.type !== 'ready') throw new Error('sandbox process: unexpected first message')

  const adminApi = sandboxAdmin(ready.admin, ready.adminToken)
  const admin = async (path: string, method: string, body?: unknown): Promise<unknown> => {
    const response = await adminApi.fetch(path, { method, body: body === undefined ? '{}' : JSON.stringify(body) })
    if (!response.ok) throw new Error(`sandbox admin ${path}: HTTP ${response.status}`)
    return response.json()
  }

  return {
    api: ready.api,
    oss: ready.oss,
    admin: adminApi,
    bucket: ready.bucket,
    region: ready.region,
    pid: child.pid ?? -1,
    async counts() {
      const reply = await ask('counts')
      return reply.type === 'counts' ? reply.counts : {}
    },
    async resetCounts() {
      await ask('reset-counts')
    },
    async resetData() {
      await admin('/reset', 'POST')
    },
    async createUsers(n) {
      const users: SandboxUser[] = []
      // Ten at a time: the admin API writes each account with an fsync.
      for (let i = 0; i < n; i += 10) {
        const batch = Array.from({ length: Math.min(10, n - i) }, () => admin('/users', 'POST').then((u) => userSchema.parse(u)))
        users.push(...(await Promise.all(batch)))
      }
      return users
    },
    async close() {
      if (child.exitCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      await ask('close')
      await exited
    },
  }
}
