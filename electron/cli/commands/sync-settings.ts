import type { PlatformLanguage } from '../../../shared/domain/identity'
import type { ProxySettings } from '../../../shared/domain/network-settings'
import type { Settings } from '../../../shared/domain/settings'
import type { RequestAgent } from '../../core/network/agents'
import type { OssTarget } from '../../core/oss/oss-uploader'
import type { SyncFlags } from './sync-flags'

/** `--proxy http://user:password@host:port`: a manual proxy, its credentials in their own fields. */
function manualProxy(flag: string): ProxySettings {
  const url = new URL(flag)
  const credentials = { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) }
  url.username = ''
  url.password = ''
  return { mode: 'manual', url: `${url.protocol}//${url.host}`, ...credentials, bypass: [] }
}

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
    network: {
      proxy: flags.proxy ? manualProxy(flags.proxy) : stored.network.proxy,
      caFile: flags.caFile ?? stored.network.caFile,
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

export function ossTargetOf(settings: Settings, network: RequestAgent): OssTarget {
  return { region: settings.oss.region, endpoint: settings.oss.endpoint, addressing: settings.oss.addressing, timeoutMs: settings.oss.timeoutMs, network }
}
