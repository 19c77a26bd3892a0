import type { FastifyReply } from 'fastify'
import type { z } from 'zod'

/** Admin API errors are plain JSON (it is the sandbox's own API, not the platform's envelope). */
export function adminError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).send({ error: { code, message } })
}

export function invalidRequest(reply: FastifyReply, error: z.ZodError): FastifyReply {
  const issue = error.issues[0]
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  return adminError(reply, 400, 'invalid_request', `${where}${issue?.message ?? 'invalid request'}`)
}
