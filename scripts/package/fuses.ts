import type { Configuration } from 'electron-builder'

type FuseOptionsV1 = NonNullable<Configuration['electronFuses']>

/**
 * The Electron fuses kyc-desk ships with (Electron security checklist #19), in electron-builder's
 * `electronFuses` shape: flipped in the packaged binary, where no flag or environment variable
 * can undo them.
 */
export const kycDeskFuses = {
  // The binary can never be started as a plain Node.js (ELECTRON_RUN_AS_NODE).
  runAsNode: false,
  // Cookies on disk are encrypted with the OS keychain.
  enableCookieEncryption: true,
  // NODE_OPTIONS and --inspect cannot inject code or a debugger into main.
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  // The app is loaded only from app.asar, checked against its build-time hash (macOS, Windows).
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  // The renderer is served by the app:// protocol; file:// gets no extra privileges.
  grantFileProtocolExtraPrivileges: false,
} as const satisfies FuseOptionsV1
