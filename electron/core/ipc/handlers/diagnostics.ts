import { exportLog, type LogExportDeps } from '../../diagnostics/export-log'
import type { diagnosticsChannels } from '../../../../shared/contract/diagnostics'
import type { ChannelsOf, HandlerGroup } from '../handler-table'

export interface DiagnosticsHandlerDeps extends LogExportDeps {
  readonly operatorId: () => string | null
}

const maxDetails = 2_000

/** Recent warnings, errors and platform calls, and the redacted log export for IT. */
export function diagnosticsHandlers(deps: DiagnosticsHandlerDeps): HandlerGroup<ChannelsOf<typeof diagnosticsChannels>> {
  return {
    'diagnostics:recent': () => ({
      entries: [...deps.log.recent()].reverse().map((r) => ({
        time: r.time,
        level: r.level,
        event: r.event,
        details: r.details === undefined ? '' : JSON.stringify(r.details).slice(0, maxDetails),
      })),
      calls: deps.calls.recent(),
    }),
    'diagnostics:export': ({ format }) => exportLog(deps, format, deps.operatorId()),
  }
}
