/**
 * The sandbox in a process of its own, as the platform would be on another machine: its CPU time
 * (SQLite with synchronous=FULL, signature checks) is not charged to the engine or the bare
 * script, and both meet exactly the same server. It counts the requests it answers from its
 * per-request log lines; admin calls are not counted.
 */
import { startSandbox } from '../../sandbox/index'
import { z } from 'zod'
import { childRequestSchema, type ChildReply } from './sandbox-protocol'

const linkSchema = z.object({ latencyMs: z.number(), uploadMbps: z.number() })

const counts = new Map<string, number>()
const requestLine = /^(api|oss) ([A-Z]+) (\S+) -> \d+/

function count(line: string): void {
  const match = requestLine.exec(line)
  if (!match) return
  const [, server, method, url] = match
  const path = (url ?? '').split('?')[0] ?? ''
  if (path.startsWith('/__admin')) return
  // OSS paths carry object keys; the method is what tells one call from another there.
  const key = server === 'api' ? `api ${method} ${path}` : `oss ${method}`
  counts.set(key, (counts.get(key) ?? 0) + 1)
}

// `--link <json>`: the branch-office line (sandbox option `link`), validated by the sandbox.
const linkAt = process.argv.indexOf('--link')
const link: unknown = linkAt === -1 ? undefined : JSON.parse(process.argv[linkAt + 1] ?? 'null')
const linkShape = linkSchema.optional().parse(link)
const sandbox = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 0, log: count, ...(linkShape ? { link: linkShape } : {}) })
// The callback swallows a send after the parent went away (it was killed, or exited first).
const send = (reply: ChildReply) => process.send?.(reply, undefined, {}, () => undefined)
send({ type: 'ready', id: 0, api: sandbox.api, oss: sandbox.oss, admin: sandbox.admin.url, adminToken: sandbox.admin.token, bucket: sandbox.bucket, region: sandbox.region })

process.on('message', (message: unknown) => {
  const request = childRequestSchema.parse(message)
  if (request.type === 'counts') send({ type: 'counts', id: request.id, counts: Object.fromEntries(counts) })
  else if (request.type === 'reset-counts') {
    counts.clear()
    send({ type: 'ok', id: request.id })
  } else {
    void sandbox.close().then(() => {
      send({ type: 'ok', id: request.id })
      process.disconnect()
    })
  }
})
