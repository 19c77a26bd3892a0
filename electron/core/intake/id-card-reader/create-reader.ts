import type { IdCardReaderSettings } from '../../../../shared/domain/settings'
import { pollingReader } from './polling-reader'
import { realPause, type IdCardReader, type Pause } from './reader-port'
import { cvrWebProtocol, zkOnlineProtocol } from './web-protocols'

/** Where the training sandbox's reader emulator listens (both protocols). */
export interface TrainingReaderEndpoints {
  readonly cvrWebUrl: string
  readonly zkOnlineUrl: string
}

export type ReaderChoice = { adapter: 'off' } | { adapter: 'cvr-web' | 'zk-online'; baseUrl: string; timeoutMs: number }

/**
 * The reader the settings name. In training mode the emulator stands in for the vendor service,
 * speaking the protocol chosen (华视 when none is), so trainees learn the real flow without a device.
 */
export function chooseReader(settings: IdCardReaderSettings, training: TrainingReaderEndpoints | null): ReaderChoice {
  const { timeoutMs } = settings
  if (training) {
    return settings.adapter === 'zk-online'
      ? { adapter: 'zk-online', baseUrl: training.zkOnlineUrl, timeoutMs }
      : { adapter: 'cvr-web', baseUrl: training.cvrWebUrl, timeoutMs }
  }
  switch (settings.adapter) {
    case 'off':
      return { adapter: 'off' }
    case 'cvr-web':
      return { adapter: 'cvr-web', baseUrl: settings.cvrWebUrl, timeoutMs }
    case 'zk-online':
      return { adapter: 'zk-online', baseUrl: settings.zkOnlineUrl, timeoutMs }
  }
}

export function createIdCardReader(choice: ReaderChoice, pause: Pause = realPause): IdCardReader | null {
  switch (choice.adapter) {
    case 'off':
      return null
    case 'cvr-web':
      return pollingReader(cvrWebProtocol(choice), pause)
    case 'zk-online':
      return pollingReader(zkOnlineProtocol(choice), pause)
  }
}
