import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import { isoSeconds } from '../common/clock'
import type { CompletionOutcome, LivenessDeps } from './liveness-service'
import { completeVerification } from './liveness-service'
import { renderProblemPage, renderResultPage, renderVerifyPage } from './verify-page-html'

const tokenParams = z.object({ verifyToken: z.string().regex(/^[A-Za-z0-9]{1,64}$/) })
const resultBody = z.object({ result: z.enum(['pass', 'fail']) })

const PROBLEMS: Record<Exclude<CompletionOutcome, 'recorded'>, { status: number; zh: string; en: string }> = {
  unknown: { status: 404, zh: '认证链接无效', en: 'This verification link is not valid' },
  used: { status: 409, zh: '此认证链接已经使用过', en: 'This verification link has already been used' },
  expired: { status: 410, zh: '认证链接已过期，请重新发起认证', en: 'This verification link has expired: start a new verification' },
  superseded: { status: 410, zh: '已有更新的认证链接，此链接作废', en: 'A newer verification link replaced this one' },
}

function sendHtml(reply: FastifyReply, status: number, html: string, formOrigin = ''): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; form-action 'self'${formOrigin === '' ? '' : ` ${formOrigin}`}; frame-ancestors 'none'`)
    .send(html)
}

/** `GET /verify/<token>` shows the page (reading it changes nothing); `POST` records pass or fail once. */
export interface VerifyPageDeps extends LivenessDeps {
  /** The second origin the page's buttons post to, or empty to stay on the page's own. */
  readonly hopOrigin: () => string
}

export function registerVerifyPageRoutes(app: FastifyInstance, deps: VerifyPageDeps): void {
  app.get('/verify/:verifyToken', async (request, reply) => {
    const params = tokenParams.safeParse(request.params)
    const token = params.success ? deps.store.liveness.find(params.data.verifyToken) : undefined
    if (!token) return sendHtml(reply, 404, renderProblemPage(PROBLEMS.unknown.zh, PROBLEMS.unknown.en))
    const problem =
      token.state === 'superseded' ? 'superseded' : token.state !== 'pending' ? 'used' : token.expiresAt <= deps.clock() ? 'expired' : null
    if (problem) return sendHtml(reply, PROBLEMS[problem].status, renderProblemPage(PROBLEMS[problem].zh, PROBLEMS[problem].en))
    const hop = deps.hopOrigin()
    return sendHtml(reply, 200, renderVerifyPage(token.verifyToken, isoSeconds(token.expiresAt), hop), hop)
  })

  app.post('/verify/:verifyToken', async (request, reply) => {
    const params = tokenParams.safeParse(request.params)
    const body = resultBody.safeParse(request.body)
    if (!params.success) return sendHtml(reply, 404, renderProblemPage(PROBLEMS.unknown.zh, PROBLEMS.unknown.en))
    if (!body.success) return sendHtml(reply, 400, renderProblemPage('请选择“通过”或“不通过”', 'Choose pass or fail'))
    const outcome = completeVerification(deps, params.data.verifyToken, body.data.result)
    if (outcome !== 'recorded') return sendHtml(reply, PROBLEMS[outcome].status, renderProblemPage(PROBLEMS[outcome].zh, PROBLEMS[outcome].en))
    return sendHtml(reply, 200, renderResultPage(body.data.result))
  })
}
