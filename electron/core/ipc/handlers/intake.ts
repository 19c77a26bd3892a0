import type { CaptureService, ScannerInbox } from '../../intake/capture'
import type { intakeChannels } from '../../../../shared/contract/intake'
import type { ChannelsOf, HandlerGroup } from '../handler-table'

export type IntakeChannel = ChannelsOf<typeof intakeChannels>

/** The capture screen's channels; the work is the capture service's and the scanner inbox's. */
export function intakeHandlers(capture: CaptureService, inbox: ScannerInbox): HandlerGroup<IntakeChannel> {
  return {
    'capture:open': ({ id }) => capture.open(id),
    'capture:save': ({ id, form }) => capture.save(id, form),
    'capture:bind': async ({ id, input }) => ({ binding: await capture.bind(id, input) }),
    'capture:demo-customers': () => ({ items: capture.demoCustomers() }),
    'capture:put-image': ({ id, slot, data, source }) => capture.putImage(id, slot, data, source),
    'capture:override-image': async ({ id, slot, reason }) => ({ slots: await capture.overrideImage(id, slot, reason) }),
    'capture:read-mrz': ({ id, slot }) => capture.readMrz(id, slot),
    'capture:queue': ({ id, form, syncNow, duplicateReason }) => capture.queue(id, form, syncNow, duplicateReason ?? null),
    'capture:discard': async ({ id }) => {
      await capture.discard(id)
      return {}
    },
    'capture:slots': async ({ id }) => ({ slots: await capture.slots(id) }),
    'inbox:list': () => inbox.list(),
    'inbox:assign': ({ itemId, applicantId, slot, overrideReason }) => inbox.assign(itemId, { applicantId, slot, overrideReason }),
    'inbox:discard': async ({ itemId }) => ({ removed: await inbox.discard(itemId) }),
  }
}
