import type { printChannels } from '../../../../shared/contract/print'
import type { PrintService } from '../../printing/print-service'
import type { ChannelsOf, HandlerGroup } from '../handler-table'

/** The customer's receipt and consent form: read, and printed or saved through the service. */
export function printHandlers(service: PrintService): HandlerGroup<ChannelsOf<typeof printChannels>> {
  return {
    'applicants:receipt': ({ id }) => service.receipt(id),
    'print:document': (request) => service.print(request),
  }
}
