import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses'

/**
 * The Electron fuses kyc-desk ships with (Electron security checklist #19). They are flipped in
 * the packaged binary, where no command-line flag or environment variable can undo them.
 */
export const kycDeskFuses: FuseV1Config<boolean> = {
  version: FuseVersion.V1,
  // The binary can never be started as a plain Node.js (ELECTRON_RUN_AS_NODE).
  [FuseV1Options.RunAsNode]: false,
  // Cookies on disk are encrypted with the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect cannot inject code or a debugger into main.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app is loaded only from app.asar, and the asar is checked against its build-time hash.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The renderer is served by the app:// protocol; file:// gets no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
}
