import type { AccountBinding } from '../../../shared/domain/identity'
import type { EventBus } from '../events/event-bus'
import { createCaptureService, ScannerInbox, settingsIntake } from '../intake/capture'
import { createBatchImporter } from '../intake/import'
import { ImportSession, noImportDialogs, type ImportDialogPort } from '../intake/import-session'
import type { HandlerGroup } from '../ipc/handler-table'
import { importHandlers, type ImportChannel } from '../ipc/handlers/import'
import { imageReplaceHandlers, type ImageReplaceChannel } from '../ipc/handlers/image-replace'
import { intakeHandlers, type IntakeChannel } from '../ipc/handlers/intake'
import { idCardReaderHandlers, type IdCardReaderChannel } from '../ipc/handlers/id-card-reader'
import { chipQueueRules } from '../intake/id-card-reader/chip-queue-rules'
import type { TrainingReaderEndpoints } from '../intake/id-card-reader/create-reader'
import { IdCardReaderSession } from '../intake/id-card-reader/reader-session'
import type { Logger } from '../log/logger'
import type { KycStore } from '../queue/store'
import type { SettingsService } from '../settings/settings-service'

export interface IntakeWiringDeps {
  readonly dataDir: string
  readonly store: KycStore
  readonly settings: SettingsService
  readonly events: EventBus
  readonly log: Logger
  readonly clock: () => number
  readonly operatorId: () => string | null
  /** The sandbox's seeded customers while in training mode, else none. */
  readonly demoUsers: () => readonly AccountBinding[]
  readonly syncNow: (applicantId: string) => void
  readonly importDialogs?: ImportDialogPort
  /** The training sandbox's reader emulator while in training mode, else null (the configured reader). */
  readonly readerEmulator: () => TrainingReaderEndpoints | null
}

export interface IntakeWiring {
  readonly handlers: HandlerGroup<IntakeChannel | ImportChannel | IdCardReaderChannel | ImageReplaceChannel>
  close(): Promise<void>
}

/**
 * Capture, the scanner inbox and batch import over one image intake that follows the settings:
 * the services built, their handlers, and the scanner folder watched while one is configured.
 */
export function wireIntake(deps: IntakeWiringDeps): IntakeWiring {
  const { store, settings, log, clock } = deps
  const imageIntake = settingsIntake(() => settings.get())
  const reader = new IdCardReaderSession({ settings: () => settings.get(), training: deps.readerEmulator, log })
  const capture = createCaptureService({
    chipReads: chipQueueRules(reader, () => settings.get()),
    dataDir: deps.dataDir,
    store,
    intake: () => imageIntake.current(),
    clock,
    operatorId: deps.operatorId,
    demoUsers: deps.demoUsers,
    autoLiveness: () => settings.get().sync.autoLiveness,
    syncNow: deps.syncNow,
  })

  const inbox = new ScannerInbox({
    applicants: store.applicants,
    intake: () => imageIntake.current(),
    clock,
    log,
    dataDir: deps.dataDir,
    operatorId: deps.operatorId,
    changed: () => deps.events.emit('inbox:changed', {}),
    slots: (id) => capture.service.slots(id),
  })
  const configureInbox = () =>
    void inbox.configure(settings.get()).catch((error: unknown) => log.warn('scanner.configure-failed', { error }))
  configureInbox()
  const stopWatchingSettings = settings.onChange(configureInbox)

  const imports = new ImportSession({
    importer: () =>
      createBatchImporter({
        store,
        intake: imageIntake.current(),
        clock,
        log,
        maxFileBytes: settings.get().intake.maxFileBytes,
      }),
    dialogs: deps.importDialogs ?? noImportDialogs,
    operatorId: deps.operatorId,
    clock,
    progress: (progress) => deps.events.emit('import:progress', progress),
    imageBytes: (sha256) => store.images.get(sha256),
  })

  return {
    handlers: {
      ...intakeHandlers(capture.service, inbox),
      ...importHandlers(imports),
      ...idCardReaderHandlers(reader),
      ...imageReplaceHandlers({ store, intake: () => imageIntake.current(), operatorId: deps.operatorId }),
    },
    close: async () => {
      await reader.close()
      stopWatchingSettings()
      imports.cancel()
      await inbox.stop()
      await imageIntake.close()
    },
  }
}
