import { dirname, join, resolve } from 'node:path'
import type { ApplicantStatus } from '../../../shared/domain/status'
import { createLogger } from '../../core/log/logger'
import { Redactor } from '../../core/log/redact'
import { agentProbe } from '../../core/network/agent-request'
import { agentForSettings } from '../../core/network/agent-for-settings'
import { redactProxyPassword } from '../../core/network/proxy-secret'
import { PlatformClient } from '../../core/platform-client/platform-client'
import { environmentOf } from '../../../shared/domain/environment'
import { SettingsService } from '../../core/settings/settings-service'
import { createSyncEngine, type SyncEngineState } from '../../core/sync'
import { exitCodes, type CliIo } from '../io'
import { cliLocale } from '../words'
import { openCliStore } from './open-cli-store'
import { parseSyncFlags, syncHelp } from './sync-flags'
import { jsonLinesOutput, progressOutput } from './sync-output'
import { ossTargetOf, platformLanguageOf, settingsWithFlags } from './sync-settings'

const idle = (state: SyncEngineState) => state.running && state.inFlight === 0 && state.queued === 0

/** 0 when nobody needs a person (submitted, liveness-pending and verified all count as done), else 1. */
export function syncExitCode(counts: Readonly<Record<ApplicantStatus, number>>): number {
  return counts['needs-attention'] + counts['needs-new-qr'] > 0 ? exitCodes.someFailed : exitCodes.ok
}

/** Resolves on the first SIGINT or SIGTERM; a second one exits at once. */
function untilSignal(): { promise: Promise<void>; dispose(): void } {
  let resolveSignal: () => void = () => undefined
  const promise = new Promise<void>((r) => (resolveSignal = r))
  let seen = false
  const onSignal = () => {
    if (seen) process.exit(130)
    seen = true
    resolveSignal()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return { promise, dispose: () => (process.off('SIGINT', onSignal), process.off('SIGTERM', onSignal)) }
}

/** `kyc-desk sync`: the engine headless, over the same store the app uses. */
export async function runSync(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseSyncFlags(argv, cliLocale(io.env))
  if (!flags) {
    io.stdout.write(syncHelp)
    return exitCodes.ok
  }
  const store = await openCliStore(flags.db, io.env, flags.keyFile)
  const signal = untilSignal()
  try {
    // openCliStore has refused unreadable settings already (issue 17, finding 9).
    const settings = settingsWithFlags(new SettingsService(store.settings, Date.now).get(), flags)
    // Only applicants captured for this platform are sent to it (training ones never are).
    store.setEnvironment(environmentOf(settings.platform.baseUrl))
    store.setErrorActions(settings.platform.errorActions)
    const redactor = new Redactor()
    redactProxyPassword(redactor, settings.network)
    const log = createLogger({
      redactor,
      file: join(dirname(resolve(flags.db)), 'logs', 'kyc-desk-cli.log'),
      echo: (line) => {
        if (line.includes('"level":"error"')) io.stderr.write(`${line}\n`)
      },
    })
    const language = platformLanguageOf(settings)
    // The stored proxy setting ("system" is the environment's here) or --proxy, and --ca-file.
    const network = agentForSettings(settings.network, { trainingMode: false })
    const platform = new PlatformClient({
      network,
      baseUrl: settings.platform.baseUrl,
      encoding: settings.platform.encoding,
      timeoutMs: settings.platform.timeoutMs,
      language: () => language,
      retryableStatuses: settings.platform.retryableStatuses,
    })
    const engine = createSyncEngine({
      queue: store,
      images: store.images,
      platform,
      oss: ossTargetOf(settings, network),
      settings: () => settings,
      log,
      redactor,
      probe: agentProbe(network, settings.platform.baseUrl),
    })
    const output = flags.json ? jsonLinesOutput(io.stdout) : progressOutput(io.stdout, cliLocale(io.env))
    const stopSteps = store.onStepChange((change) => output.step(change))
    const finished = new Promise<void>((resolveIdle) => {
      engine.onState((state) => {
        output.state(state, store.applicants.countsByStatus())
        if (flags.untilIdle && idle(state)) resolveIdle()
      })
    })
    engine.start()
    await Promise.race([finished, signal.promise])
    await engine.stop()
    stopSteps()
    const counts = store.applicants.countsByStatus()
    const code = syncExitCode(counts)
    output.finish(counts, code)
    return code
  } finally {
    signal.dispose()
    store.close()
  }
}
