import { isTrainingLauncher, type TrainingEndpoints, type TrainingLauncher } from './training-mode'

export interface TrainingSandboxDeps {
  /** One sandbox already running (the test harness), a launcher (Electron main), or none. */
  readonly source: TrainingEndpoints | TrainingLauncher | undefined
  /** The platform address in force: empty means training mode. */
  readonly platformUrl: () => string
  /** A core whose settings are unreadable starts no sandbox (it would be training mode by accident). */
  readonly locked: boolean
}

/**
 * The built-in sandbox's lifetime follows the platform setting: a launched sandbox starts when
 * training mode is in force and stops, with everything it held, once a live platform is.
 * A sandbox handed in already running is the caller's to stop.
 */
export class TrainingSandbox {
  private running: TrainingEndpoints | null
  private stop: (() => Promise<void>) | null = null
  private readonly launcher: TrainingLauncher | null

  constructor(private readonly deps: TrainingSandboxDeps) {
    this.launcher = deps.source && isTrainingLauncher(deps.source) ? deps.source : null
    this.running = deps.source && !isTrainingLauncher(deps.source) ? deps.source : null
  }

  /** The sandbox's addresses while one runs. */
  get endpoints(): TrainingEndpoints | null {
    return this.running
  }

  /** Starts the sandbox when training mode is in force and it is not running yet (at start, or when the platform URL is cleared). */
  async ensure(): Promise<void> {
    if (this.deps.locked || !this.launcher || this.running !== null || this.deps.platformUrl() !== '') return
    const launched = await this.launcher.launch()
    this.running = launched
    this.stop = () => launched.close()
  }

  /** A live platform is in force: a launched sandbox stops, and its accounts, identities and images go with it. */
  async leave(): Promise<void> {
    if (this.deps.platformUrl() === '' || this.stop === null) return
    await this.close()
  }

  async close(): Promise<void> {
    const stop = this.stop
    this.stop = null
    if (stop === null) return
    this.running = null
    await stop()
  }
}
