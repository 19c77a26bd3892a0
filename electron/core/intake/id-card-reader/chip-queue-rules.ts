import type { CaptureForm } from '../../../../shared/contract/intake'
import type { Settings } from '../../../../shared/domain/settings'
import { checkChipRead } from '../../../../shared/identity/chip-checks'
import { chipName } from '../../../../shared/identity/chip-identity'
import { proposeNameSplit } from '../../../../shared/identity/chip-name-split'
import type { ChipReadRules } from '../capture/capture-service'
import type { IdCardReaderSession } from './reader-session'

/**
 * Main's own judgement of a chip-filled draft: the card read into it (held by the reader session,
 * not sent by the screen), checked against the form the screen queues.
 */
export function chipQueueRules(session: Pick<IdCardReaderSession, 'chipFor' | 'forget'>, settings: () => Settings): ChipReadRules {
  return {
    issuesFor(applicantId: string, form: CaptureForm) {
      const card = session.chipFor(applicantId)
      if (!card) return []
      const options = { acceptResidencePermits: settings().idCardReader.acceptResidencePermits }
      return checkChipRead(card, proposeNameSplit(chipName(card)), form.identity, options)
    },
    kindOf: (applicantId) => session.chipFor(applicantId)?.kind ?? null,
    forget: (applicantId) => session.forget(applicantId),
  }
}
