import * as electron from 'electron'
import { startMain } from './start-main'

// import.meta.env.DEV is replaced at build time: a production bundle has neither the dev server
// nor DevTools, whatever the installed app's environment says.
startMain(
  electron,
  import.meta.env.DEV ? { devServerUrl: process.env['ELECTRON_RENDERER_URL'], devTools: true } : { devTools: false },
  {
    platform: process.platform,
    electronVersion: process.versions.electron ?? '',
    resourcesPath: process.resourcesPath,
    mainDir: import.meta.dirname,
    pid: process.pid,
    keyFile: process.env['KYC_DESK_KEY_FILE'] || null,
  },
)
