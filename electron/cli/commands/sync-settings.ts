import type { PlatformLanguage } from '../../../shared/domain/identity'
import type { Settings } from '../../../shared/domain/settings'
import type { OssTarget } from '../../core/oss/oss-uploader'
import type { SyncFlags } from './sync-flags'

/** The stored settings with the command line's flags on top (flags win). */
export function settingsWithFlags(stored: Settings, flags: SyncFlags): Settings {
  return {
    ...stored,
    ...(flags.language ? { platformLanguage: flags.language } : {}),
    platform: { ...stored.platform, baseUrl: flags.platform, encoding: flags.encoding ?? stored.platform.encoding },
    oss: {
      ...stored.oss,
      endpoint: flags.ossEndpoint,
      region: flags.ossRegion ?? stored.oss.region,
      addressing: flags.pathStyle ? 'path-style' : stored.oss.addressing,
    },
    sync: {
      ...stored.sync,
      concurrency: flags.concurrency ?? stored.sync.concurrency,
      retryBaseMs: flags.retryBaseMs ?? stored.sync.retryBaseMs,
      retryCapMs: flags.retryCapMs ?? stored.sync.retryCapMs,
      autoLiveness: flags.autoLiveness || stored.sync.autoLiveness,
    },
  }
}

/** docs/platform-api/CONTRACT.md: the platform speaks the operator's language unless configured otherwise. */
export function platformLanguageOf(settings: Settings): PlatformLanguage {
  return settings.platformLanguage ?? (settings.language === 'en' ? 'en_US' : 'zh_CN')
}

export function ossTargetOf(settings: Settings): OssTarget {
  return { region: settings.oss.region, endpoint: settings.oss.endpoint, addressing: settings.oss.addressing, timeoutMs: settings.oss.timeoutMs }
}
