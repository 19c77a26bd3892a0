import { join } from 'node:path'
import { environmentOf } from '../../../shared/domain/environment'
import { resolveTimeZone, startOfDayInZone } from '../../../shared/format/time'
import { EventBus } from '../events/event-bus'
import { StepChangePublisher } from '../events/step-change-publisher'
import type { HandlerTable } from '../ipc/handler-table'
import { appHandlers } from '../ipc/handlers/app'
import { applicantHandlers } from '../ipc/handlers/applicants'
import { applicantActionHandlers } from '../ipc/handlers/applicant-actions'
import { rebindHandlers } from '../ipc/handlers/rebind'
import { applicantEditHandlers } from '../ipc/handlers/applicant-edit'
import { diagnosticsHandlers } from '../ipc/handlers/diagnostics'
import { livenessHandlers } from '../ipc/handlers/liveness'
import { settingsHandlers } from '../ipc/handlers/settings'
import { syncHandlers } from '../ipc/handlers/sync'
import { CallLog } from '../diagnostics/call-log'
import type { ImportDialogPort } from '../intake/import-session'
import { operatorHandlers } from '../ipc/handlers/operators'
import { requireOperator } from '../ipc/require-operator'
import { createLogger, type Logger } from '../log/logger'
import { Redactor } from '../log/redact'
import { OperatorAdmin } from '../operators/operator-admin'
import { OperatorSession } from '../operators/operator-session'
import { openKycStore, type KycStore } from '../queue/store'
import { SettingsService } from '../settings/settings-service'
import { refuseWhileSettingsUnreadable } from '../ipc/settings-lock'
import { DiskFullFlag, isDiskFullCode, type OnlineSignal } from '../sync'
import type { KeyProvider } from '../vault/key-provider'
import { assertKeyFitForLive } from '../vault/live-data-guard'
import { platformWiring, SyncController } from '../sync/sync-controller'
import { SyncStatus } from '../sync/sync-status'
import { RetentionService } from '../retention/retention-service'
import { recordsHandlers } from '../ipc/handlers/records'
import { todayHandlers } from '../ipc/handlers/today'
import { adoptLegacyFormFiles } from '../intake/capture'
import { wireIntake } from './intake-wiring'
import { backupHandlers } from '../ipc/handlers/backup'
import type { SystemProxyResolver } from '../network/agents'
import { noDialogs, noFileExports, noPrinting, noWindows, type DialogPort, type FileExportPort, type PrintPort, type WindowPort } from '../ports'
import { printHandlers } from '../ipc/handlers/print'
import { PrintService } from '../printing/print-service'
import { redactProxyPassword } from '../network/proxy-secret'
import { resolveEndpoints, type TrainingEndpoints, type TrainingLauncher } from '../environment/training-mode'
import { TrainingSandbox } from '../environment/training-sandbox'

export interface CoreOptions {
  readonly dataDir: string
  readonly appVersion: string
  readonly keyProvider: KeyProvider
  /** better-sqlite3 built for the running ABI; Electron passes its own build. */
  readonly sqliteNativeBinding?: string
  readonly online?: OnlineSignal
  readonly clock?: () => number
  /**
   * The sandbox to use while no platform is configured (training mode): one already running (the
   * test harness), or a launcher the core calls only when training mode is actually in force.
   */
  readonly training?: TrainingEndpoints | TrainingLauncher
  /** Also print log lines (the command line, debugging). */
  readonly logEcho?: (line: string) => void
  /** Opens the liveness verify page at the counter (Electron: a BrowserWindow; tests: a page). */
  readonly windows?: WindowPort
  /** Save dialogs (the log export). */
  readonly dialogs?: DialogPort
  /** Hands finished binary files (a backup) to a save dialog or a download. */
  readonly fileExports?: FileExportPort
  /** Open dialogs for the batch import's manifest and images folder. */
  readonly importDialogs?: ImportDialogPort
  /** Prints the customer's receipt and consent form, or saves them as PDF. */
  readonly printer?: PrintPort
  /** Start the sync engine with the core (default true; false leaves it to the caller). */
  readonly startSync?: boolean
  /**
   * The operating system's proxy for a URL as a PAC answer (Electron: `session.resolveProxy`),
   * for the "system" proxy setting; absent (command line, browser mode): HTTPS_PROXY/NO_PROXY.
   */
  readonly systemProxy?: SystemProxyResolver
}

export interface Core {
  readonly handlers: HandlerTable
  readonly events: EventBus
  readonly log: Logger
  readonly store: KycStore
  readonly settings: SettingsService
  readonly sync: SyncController
  readonly operators: OperatorSession
  close(): Promise<void>
}

/**
 * The composition root: opens the store, builds the services and the one handler table that
 * Electron main registers with ipcMain.handle and the end-to-end harness binds to a page.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? Date.now
  const redactor = new Redactor()
  const logFile = join(options.dataDir, 'logs', 'kyc-desk.log')
  // The log is the first to find the disk full; the engine pauses on it (issue 17, finding 6).
  const diskFull = new DiskFullFlag()
  const log = createLogger({
    redactor,
    file: logFile,
    onFileHealth: (health) => diskFull.set(!health.writable && isDiskFullCode(health.code)),
    clock,
    ...(options.logEcho ? { echo: options.logEcho } : {}),
  })
  const events = new EventBus()
  const publisher = new StepChangePublisher({ publish: (changes) => events.emit('steps:changed', { changes }) })
  const store = await openKycStore({
    dataDir: options.dataDir,
    keyProvider: options.keyProvider,
    now: clock,
    ...(options.sqliteNativeBinding ? { nativeBinding: options.sqliteNativeBinding } : {}),
    onStepChange: (change) => publisher.push(change),
    onListenerError: (error) => log.error('events.listener-failed', { error }),
  })
  const settings = new SettingsService(store.settings, clock)
  // Unreadable settings lock the core: no training sandbox, sync or retention on defaults (issue 17, finding 9).
  const locked = settings.health.kind === 'unreadable'
  if (locked) log.error('settings.unreadable', {})
  else if (settings.health.kind === 'recovered') log.warn('settings.recovered-last-good', {})
  try {
    assertKeyFitForLive(store.keyProtection, settings.get().platform.baseUrl)
  } catch (error) {
    store.close()
    throw error
  }
  // What is captured and synced from now on belongs to the platform in force.
  const applyEnvironment = () => store.setEnvironment(environmentOf(settings.get().platform.baseUrl))
  applyEnvironment()
  // Which refusals read as "needs a new account QR" follows IT's error-action table.
  const applyErrorActions = () => store.setErrorActions(settings.get().platform.errorActions)
  applyErrorActions()
  const sandbox = new TrainingSandbox({ source: options.training, platformUrl: () => settings.get().platform.baseUrl, locked })
  await sandbox.ensure()
  const training = () => sandbox.endpoints
  const endpoints = () => resolveEndpoints(settings.get(), training())

  const calls = new CallLog(clock)
  const onPlatformCall = (call: Parameters<CallLog['record']>[0]) => calls.record(call)
  // The sync bar's state: the engine's, plus counts per status; refreshed on engine and step changes.
  const branchTimeZone = () => resolveTimeZone(settings.get().timeZone)
  const syncStatus = new SyncStatus({
    engineState: () => sync.current.state(),
    counts: () => store.applicants.countsByStatus(),
    doneToday: () => store.applicants.doneSince(startOfDayInZone(clock(), branchTimeZone())),
    publish: (state) => events.emit('sync:state', state),
  })
  const sync = new SyncController({
    store,
    settings: () => settings.get(),
    endpoints,
    log,
    redactor,
    ...(options.online ? { online: options.online } : {}),
    diskFull,
    onState: () => syncStatus.refresh(),
    onPlatformCall,
    ...(options.systemProxy ? { systemProxy: options.systemProxy } : {}),
  })
  // Before any other listener: the old engine stops starting steps before the environment moves,
  // and the next engine is built once the training sandbox (if any) is up, or failed to start.
  redactProxyPassword(redactor, settings.get().network)
  settings.onChange(() => {
    redactProxyPassword(redactor, settings.get().network)
    sync.halt()
    applyEnvironment()
    applyErrorActions()
    sandbox
      .ensure()
      .catch((error: unknown) => log.error('settings.apply-failed', { error }))
      .finally(() => {
        // Closed once the next engine is wired, so no step in hand still talks to it.
        void sync
          .settingsChanged()
          .then(() => sandbox.leave())
          .catch((error: unknown) => log.error('training.close-failed', { error }))
      })
  })
  events.on('steps:changed', () => syncStatus.refresh())

  const operators = new OperatorSession({
    operators: store.operators,
    audit: store.events,
    clock,
    lockAfterIdleMinutes: () => settings.get().lockAfterIdleMinutes,
    onLocked: (reason) => events.emit('operators:locked', { reason }),
  })
  const operatorAdmin = new OperatorAdmin({ operators: store.operators, requireAdmin: (what) => operators.requireAdmin(what), audit: store.events, clock })
  const operatorId = () => operators.currentOperatorId()
  const requireAdmin = (what: string) => operators.requireAdmin(what)
  const idleTimer = setInterval(() => operators.lockIfIdle(), 15_000)
  idleTimer.unref()

  // Capture forms typed before they moved into the applicant's row: adopted before capture opens one.
  await adoptLegacyFormFiles(join(options.dataDir, 'capture-forms'), store).catch((error: unknown) => log.warn('capture.sweep-failed', { error }))
  const intake = wireIntake({
    dataDir: options.dataDir,
    store,
    settings,
    events,
    log,
    clock,
    operatorId,
    demoUsers: () => (endpoints().trainingMode ? (training()?.users ?? []) : []),
    syncNow: (id) => sync.current.sync([id]),
    readerEmulator: () => (endpoints().trainingMode ? (training()?.idCardReader ?? null) : null),
    ...(options.importDialogs ? { importDialogs: options.importDialogs } : {}),
  })

  // Retention runs at start and hourly; a purge is logged in the event log by the store.
  const retention = new RetentionService({ store, settings: () => settings.get(), clock, log })
  let lastRetentionRun: { at: number; purged: number } | null = null
  const runRetention = (): void => {
    if (locked) return
    try {
      lastRetentionRun = { at: clock(), purged: retention.run().purged.length }
    } catch (error) {
      log.error('retention.failed', { error })
    }
  }
  runRetention()
  settings.onChange(runRetention)
  const retentionTimer = setInterval(runRetention, 60 * 60_000)
  retentionTimer.unref()

  const guarded: HandlerTable = requireOperator(
    {
      ...appHandlers({ version: options.appVersion, keyProtection: store.keyProtection, endpoints, timeZone: branchTimeZone }),
      ...operatorHandlers(operators, operatorAdmin),
      ...applicantHandlers(store, { bindingWarnAfterHours: () => settings.get().sync.bindingWarnAfterHours, clock }),
      ...intake.handlers,
      ...applicantActionHandlers({ store, engine: () => sync.current, operatorId, log }),
      ...applicantEditHandlers({
        store,
        settings: () => settings.get(),
        platform: () => platformWiring(settings.get(), endpoints(), onPlatformCall, options.systemProxy).platform,
        operatorId,
        clock,
        log,
        redactor,
        retry: (ids, operator) => void sync.current.retry(ids, operator),
      }),
      ...rebindHandlers({ store, operatorId, retry: (ids, operator) => void sync.current.retry(ids, operator) }),
      ...livenessHandlers({
        store,
        engine: () => sync.current,
        windows: options.windows ?? noWindows,
        operatorId,
        trainingMode: () => endpoints().trainingMode,
        verifyOrigins: () => settings.get().platform.verifyOrigins,
      }),
      ...syncHandlers({ engine: () => sync.current, state: () => syncStatus.current() }),
      ...settingsHandlers({
        dataDir: options.dataDir, settings, training, store, operatorId, requireAdmin, clock, onPlatformCall,
        ...(options.systemProxy ? { systemProxy: options.systemProxy } : {}),
      }),
      ...diagnosticsHandlers({
        log,
        logFile,
        redactor,
        calls,
        dialogs: options.dialogs ?? noDialogs,
        clock,
        timeZone: branchTimeZone,
        audit: store.events,
        operatorId,
      }),
      ...recordsHandlers({ store, retention, lastRetentionRun: () => lastRetentionRun, dialogs: options.dialogs ?? noDialogs, operatorId, requireAdmin, clock, timeZone: branchTimeZone, log }),
      ...todayHandlers({ store, clock, timeZone: branchTimeZone }),
      ...backupHandlers({
        dataDir: options.dataDir,
        keyProvider: options.keyProvider,
        appVersion: options.appVersion,
        ...(options.sqliteNativeBinding ? { nativeBinding: options.sqliteNativeBinding } : {}),
        audit: store.events,
        exports: options.fileExports ?? noFileExports,
        operatorId,
        clock,
        timeZone: branchTimeZone,
        log,
      }),
      ...printHandlers(new PrintService({ store, settings: () => settings.get(), printer: options.printer ?? noPrinting, operatorId })),
    },
    operators,
  )
  const handlers = locked ? refuseWhileSettingsUnreadable(guarded) : guarded
  if (options.startSync !== false && !locked) sync.current.start()
  log.info('core.started', { version: options.appVersion, trainingMode: endpoints().trainingMode })

  return {
    handlers,
    events,
    log,
    store,
    settings,
    sync,
    operators,
    close: async () => {
      clearInterval(idleTimer)
      clearInterval(retentionTimer)
      await sync.stop()
      publisher.flush()
      await intake.close()
      store.close()
      await sandbox.close()
    },
  }
}
