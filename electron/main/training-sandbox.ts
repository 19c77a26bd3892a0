import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { startSandbox, type RunningSandbox } from '../../sandbox/index'
import { openExampleAccounts } from '../core/environment/training-accounts'
import type { Logger } from '../core/log/logger'

/**
 * The built-in sandbox for training mode, with the example manifest's customers given accounts so
 * it syncs, and the ID card reader emulator standing in for a desk reader. It keeps its identities and images in a temporary folder removed when it stops;
 * earlier versions kept them in plaintext under userData, which is removed here.
 */
export async function launchTrainingSandbox(paths: { readonly userData: string; readonly resources: string }, log: Logger): Promise<RunningSandbox> {
  rmSync(join(paths.userData, 'training-sandbox'), { recursive: true, force: true })
  const sandbox = await startSandbox({ apiPort: 0, ossPort: 0, idCardReader: true })
  await openExampleAccounts(sandbox.admin, join(paths.resources, 'example-import', 'manifest.csv'), log)
  return sandbox
}
