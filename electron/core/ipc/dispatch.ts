import type { z } from 'zod'
import { channelNames, channelSchemas, type ChannelName, type IpcError, type IpcResult } from '../../../shared/contract'
import { KycError } from '../errors/kyc-error'
import type { Logger } from '../log/logger'
import type { CallContext, Handler, HandlerTable } from './handler-table'
import type { SenderPolicy } from './sender-policy'

const knownChannels: ReadonlySet<string> = new Set(channelNames)

function isChannel(name: string): name is ChannelName {
  return knownChannels.has(name)
}

function describeZodIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || 'request'}: ${i.message}`)
    .join('; ')
}

/**
 * The single path every IPC call takes, in Electron main and in the end-to-end harness alike:
 * check the sender, parse the request, run the handler, validate what it returns. Never throws.
 */
export async function dispatch(
  table: HandlerTable,
  channel: string,
  rawRequest: unknown,
  senderUrl: string,
  policy: SenderPolicy,
  log: Logger,
): Promise<IpcResult<unknown>> {
  const fail = (error: IpcError): IpcResult<unknown> => ({ ok: false, error })
  if (!isChannel(channel)) return fail({ code: 'UNKNOWN_CHANNEL', message: `Unknown channel "${channel}"` })
  if (!policy.isTrusted(senderUrl)) {
    log.warn('ipc.refused-sender', { channel, senderUrl })
    return fail({ code: 'FORBIDDEN_SENDER', message: 'This window may not call the application core' })
  }
  const spec = channelSchemas[channel]
  const parsed = spec.request.safeParse(rawRequest ?? {})
  if (!parsed.success) {
    return fail({ code: 'INVALID_REQUEST', message: `Invalid request for ${channel}: ${describeZodIssues(parsed.error)}` })
  }
  const context: CallContext = { senderUrl }
  try {
    // The table is indexed by the same literal as the schema, so this cast only forgets the pairing.
    const handler = table[channel] as Handler<ChannelName>
    const value: unknown = await handler(parsed.data as never, context)
    const checked = spec.response.safeParse(value)
    if (!checked.success) {
      log.error('ipc.bad-response', { channel, issues: describeZodIssues(checked.error) })
      return fail({ code: 'INTERNAL', message: 'The application produced an invalid answer; see the diagnostics log' })
    }
    return { ok: true, value: checked.data }
  } catch (error) {
    if (error instanceof KycError) {
      return fail({
        code: error.code,
        message: error.message,
        ...(error.issues ? { issues: [...error.issues] } : {}),
        ...(error.reason ? { reason: error.reason } : {}),
      })
    }
    log.error('ipc.handler-failed', { channel, error })
    return fail({ code: 'INTERNAL', message: 'Something went wrong inside the application; see the diagnostics log' })
  }
}
