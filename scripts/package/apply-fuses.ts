// Flips kyc-desk's fuses in a packaged Electron binary:
//   npx tsx scripts/package/apply-fuses.ts <path to the packaged kyc-desk executable>
// Run it from the packager's after-pack step (electron-builder `afterPack`, Forge's FusesPlugin
// takes the same config), before code signing.
import { flipFuses, getCurrentFuseWire } from '@electron/fuses'
import { kycDeskFuses } from './fuses'

const [binary] = process.argv.slice(2)
if (!binary) {
  console.error('usage: apply-fuses <path to the packaged Electron executable>')
  process.exit(2)
}
await flipFuses(binary, { ...kycDeskFuses, resetAdHocDarwinSignature: process.platform === 'darwin' })
console.log(JSON.stringify(await getCurrentFuseWire(binary)))
