import { join } from 'node:path'
import { startSandbox, type RunningSandbox } from '../../sandbox/index'
import { openExampleAccounts } from '../core/app/training-accounts'
import type { Logger } from '../core/log/logger'

/** The built-in sandbox for training mode, with the example manifest's customers given accounts so it syncs. */
export async function launchTrainingSandbox(paths: { readonly userData: string; readonly resources: string }, log: Logger): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ dataDir: join(paths.userData, 'training-sandbox'), apiPort: 0, ossPort: 0 })
  await openExampleAccounts(sandbox.admin, join(paths.resources, 'example-import', 'manifest.csv'), log)
  return sandbox
}
