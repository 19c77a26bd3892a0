import { randomBytes } from 'node:crypto'
import { createCore, type Core } from '../../electron/core/app/create-core'
import { dispatch } from '../../electron/core/ipc/dispatch'
import { originSenderPolicy } from '../../electron/core/ipc/sender-policy'
import { EnvKeyProvider } from '../../electron/core/vault/env-key-provider'
import type { ChannelName, IpcResult } from '../../shared/contract'

const origin = 'http://bench.localhost'
const policy = originSenderPolicy([origin])

export interface CoreSession {
  readonly core: Core
  /** A renderer call as main serves it: sender check, request parse, handler, response validation. */
  invoke(channel: ChannelName, request: unknown): Promise<IpcResult<unknown>>
}

/**
 * The app's core over an existing data folder, with the sync engine left stopped (there is no
 * platform here) and an operator signed in, as the dashboard has it.
 */
export async function openCoreSession(dataDir: string): Promise<CoreSession> {
  const core = await createCore({
    dataDir,
    appVersion: '0.0.0-bench',
    keyProvider: new EnvKeyProvider({ KYC_DESK_KEY: randomBytes(32).toString('hex') }),
    startSync: false,
  })
  await core.operators.create('Bench operator', '246810')
  return {
    core,
    invoke: (channel, request) => dispatch(core.handlers, channel, request, `${origin}/index.html`, policy, core.log),
  }
}
