/**
 * The settings only an admin may change: where the app sends personal data (platform, OSS, and
 * the proxy and CA settings), where it reads scans from, how long it keeps data, how soon
 * it locks, the time zone its records are dated in, the branch name printed for customers. A path names a section (`platform`) or one field (`intake.scannerFolder`). The core
 * enforces this list and the settings screen shows these fields read-only to operators.
 */
export const adminOnlySettings = ['platform', 'oss', 'network', 'intake.scannerFolder', 'idCardReader', 'retention', 'lockAfterIdleMinutes', 'timeZone', 'branchName'] as const

/** Fields whose values never go into the audit log (a proxy password): recorded as changed only. */
export const secretSettings: readonly string[] = ['network.proxy.password']

function covers(entry: string, path: string): boolean {
  return path === entry || path.startsWith(`${entry}.`)
}

export function isAdminOnlySetting(path: string): boolean {
  return adminOnlySettings.some((entry) => covers(entry, path))
}

export function isSecretSetting(path: string): boolean {
  return secretSettings.some((entry) => covers(entry, path))
}
