import { createCore, type Core, type CoreOptions } from '../core/app/create-core'
import { launchTrainingSandbox } from '../main/training-sandbox'
import type { TrainingEndpoints, TrainingLauncher } from '../core/environment/training-mode'
import type { ImportDialogPort } from '../core/intake/import-session'
import { createLogger } from '../core/log/logger'
import { Redactor } from '../core/log/redact'
import { BrowserActions } from './browser-actions'
import { startBrowserServer } from './server'

export interface BrowserModeOptions {
  readonly dataDir: string
  readonly appVersion: string
  readonly keyProvider: CoreOptions['keyProvider']
  readonly rendererRoot: string
  readonly host: string
  readonly port: number
  /** A running sandbox (tests) or a launcher; absent when a platform is configured. */
  readonly training?: TrainingEndpoints | TrainingLauncher
  /** The platform's base URL for this folder (leaves training mode). */
  readonly platform?: string
  readonly importDialogs?: ImportDialogPort
  readonly logEcho?: (line: string) => void
}

export interface BrowserMode {
  readonly url: string
  readonly origin: string
  readonly core: Core
  readonly training: boolean
  close(): Promise<void>
}

/** The built-in sandbox exactly as the desktop app starts it: nothing of it stays on disk. */
export function trainingLauncher(dataDir: string, resourcesDir: string): TrainingLauncher {
  return { launch: () => launchTrainingSandbox({ userData: dataDir, resources: resourcesDir }, createLogger({ redactor: new Redactor() })) }
}

/** The same core Electron main starts, served to a browser; closing it commits the steps in hand. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const actions = new BrowserActions()
  const core = await createCore({
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    keyProvider: options.keyProvider,
    ...(options.platform ? {} : options.training ? { training: options.training } : {}),
    ...(options.logEcho ? { logEcho: options.logEcho } : {}),
    importDialogs: options.importDialogs ?? actions.importDialogs,
    windows: actions.windows,
    dialogs: actions.dialogs,
    fileExports: actions.fileExports,
    printer: actions.printer,
  })
  try {
    if (options.platform) core.settings.update({ platform: { baseUrl: options.platform } })
    const server = await startBrowserServer({ core, actions, rendererRoot: options.rendererRoot, host: options.host, port: options.port })
    return {
      url: server.url,
      origin: server.origin,
      core,
      training: core.settings.get().platform.baseUrl === '' && options.training !== undefined,
      close: async () => {
        await server.close()
        await core.close()
      },
    }
  } catch (error) {
    await core.close()
    throw error
  }
}
