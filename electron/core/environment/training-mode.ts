/**
 * Where the platform and OSS are when no platform is configured: the built-in sandbox. The core
 * needs only its addresses; whoever starts it (main, the test harness) owns its lifetime.
 */
/** The sandbox's admin API, whose calls carry its run's bearer token (the sandbox's `SandboxAdmin`). */
export interface SandboxAdminClient {
  fetch(path: string, init?: RequestInit): Promise<Response>
}

export interface TrainingEndpoints {
  readonly api: string
  /** Opens demo accounts for the example manifest and demo applicants. */
  readonly admin: SandboxAdminClient
  readonly oss: string
  readonly bucket: string
  /** Demo customers seeded in the sandbox, offered on the capture screen in training mode. */
  readonly users: readonly { readonly uid: string; readonly token: string }[]
  /** The sandbox's ID card reader emulator (both vendor web protocols), when it runs one. */
  readonly idCardReader?: { readonly cvrWebUrl: string; readonly zkOnlineUrl: string } | null
}

/** Starts the built-in sandbox on demand (Electron main); the core closes it with itself. */
export interface TrainingLauncher {
  launch(): Promise<TrainingEndpoints & { close(): Promise<void> }>
}

export function isTrainingLauncher(value: TrainingEndpoints | TrainingLauncher): value is TrainingLauncher {
  return 'launch' in value
}

export interface PlatformEndpoints {
  readonly trainingMode: boolean
  readonly baseUrl: string
  readonly ossEndpoint: string
  readonly ossAddressing: 'virtual-host' | 'path-style'
}

export function resolveEndpoints(
  settings: { platform: { baseUrl: string }; oss: { endpoint: string; addressing: 'virtual-host' | 'path-style' } },
  training: TrainingEndpoints | null,
): PlatformEndpoints {
  if (settings.platform.baseUrl !== '' || training === null) {
    return { trainingMode: false, baseUrl: settings.platform.baseUrl, ossEndpoint: settings.oss.endpoint, ossAddressing: settings.oss.addressing }
  }
  // The sandbox's OSS listens on an IP address, where only path-style addressing works.
  return { trainingMode: true, baseUrl: training.api, ossEndpoint: training.oss, ossAddressing: 'path-style' }
}
