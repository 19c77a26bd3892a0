import { z } from 'zod'

/** Messages between a benchmark and its sandbox process (bench/lib/sandbox-child.ts). */
export const childRequestSchema = z.object({ type: z.enum(['counts', 'reset-counts', 'close']), id: z.number() })
export type ChildRequest = z.infer<typeof childRequestSchema>

export const childReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), id: z.number(), api: z.string(), oss: z.string(), admin: z.string(), adminToken: z.string(), bucket: z.string(), region: z.string() }),
  z.object({ type: z.literal('counts'), id: z.number(), counts: z.record(z.string(), z.number()) }),
  z.object({ type: z.literal('ok'), id: z.number() }),
])
export type ChildReply = z.infer<typeof childReplySchema>
