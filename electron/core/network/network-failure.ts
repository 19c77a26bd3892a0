import type { ErrorReason } from '../../../shared/contract/errors'
import type { NetworkFailureCode, NetworkFailureReason } from '../../../shared/contract/network-failure'

export type { NetworkFailureCode }

/**
 * Failures of the way to the platform and OSS rather than of either: the proxy, or a certificate
 * this machine does not trust. Each has a code IT can look up, with its values (what is shown at
 * once, the connection test, words them from shared/i18n), and a message that says what IT must do.
 */
export interface NetworkFailure {
  readonly code: NetworkFailureCode
  readonly reason: NetworkFailureReason
  /** Both languages in one line, for the log and a step error's message; the screens word `reason` (networkFailureReason). */
  readonly message: string
  /** True when nothing answered (wait for the network), false when something answered no (retry later). */
  readonly network: boolean
}

/** The failure as a key with its values, for a step error the screen words (`networkFailure.<code>` in shared/i18n). */
export function networkFailureReason({ reason }: NetworkFailure): ErrorReason {
  const { code, ...params } = reason
  return { key: `networkFailure.${code}`, params }
}

function failure(reason: NetworkFailureReason, en: string, zh: string, network: boolean): NetworkFailure {
  return { code: reason.code, reason, message: `${en} / ${zh}`, network }
}

/** Node's codes for a certificate it would not accept, by what the operator is told. */
const certificateCodes: Readonly<Record<string, 'CERT_UNTRUSTED' | 'CERT_EXPIRED' | 'CERT_NAME_MISMATCH'>> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'CERT_UNTRUSTED',
  UNABLE_TO_GET_ISSUER_CERT: 'CERT_UNTRUSTED',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'CERT_UNTRUSTED',
  SELF_SIGNED_CERT_IN_CHAIN: 'CERT_UNTRUSTED',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'CERT_UNTRUSTED',
  CERT_UNTRUSTED: 'CERT_UNTRUSTED',
  CERT_SIGNATURE_FAILURE: 'CERT_UNTRUSTED',
  CERT_HAS_EXPIRED: 'CERT_EXPIRED',
  CERT_NOT_YET_VALID: 'CERT_EXPIRED',
  ERR_TLS_CERT_ALTNAME_INVALID: 'CERT_NAME_MISMATCH',
}

const itFix =
  'IT: if the network inspects TLS through a proxy, set that proxy\'s CA certificate file in Settings > Network (kyc-desk sync: --ca-file FILE); otherwise the server\'s certificate must be fixed.'
const itFixZh = '请 IT 处理：如网络经代理检查 TLS，请在“设置 > 网络”中指定该代理的 CA 证书文件（命令行：--ca-file FILE）；否则需修复服务器的证书。'

/** A certificate failure from Node's error code (the error's own or its cause's), or null. */
export function certificateFailure(nodeCode: string | undefined, host: string): NetworkFailure | null {
  const code = nodeCode === undefined ? undefined : certificateCodes[nodeCode]
  if (code === undefined) return null
  const what: Record<typeof code, [string, string]> = {
    CERT_UNTRUSTED: [`Certificate not trusted: ${host}'s certificate (${nodeCode}) is not signed by a CA this computer trusts.`, `证书不受信任：${host} 的证书（${nodeCode}）不是由本机信任的 CA 签发的。`],
    CERT_EXPIRED: [`Certificate not trusted: ${host}'s certificate has expired or is not valid yet (${nodeCode}); check this computer's clock.`, `证书不受信任：${host} 的证书已过期或尚未生效（${nodeCode}），请检查本机时钟。`],
    CERT_NAME_MISMATCH: [`Certificate not trusted: ${host}'s certificate is for another name (${nodeCode}).`, `证书不受信任：${host} 的证书不属于该地址（${nodeCode}）。`],
  }
  const [en, zh] = what[code]
  return failure({ code, host, nodeCode: nodeCode ?? '' }, `${en} ${itFix}`, `${zh}${itFixZh}`, false)
}

/** The proxy named (without credentials) did not take the connection. */
export function proxyUnreachable(proxy: string, detail: string): NetworkFailure {
  return failure(
    { code: 'PROXY_UNREACHABLE', proxy, detail },
    `The proxy ${proxy} cannot be reached (${detail}). IT: check the proxy address in Settings > Network and that the proxy is running.`,
    `无法连接代理 ${proxy}（${detail}）。请 IT 检查“设置 > 网络”中的代理地址，并确认代理正在运行。`,
    true,
  )
}

export function proxyAuthRequired(proxy: string): NetworkFailure {
  return failure(
    { code: 'PROXY_AUTH_REQUIRED', proxy },
    `The proxy ${proxy} asks for a user name and password (407 Proxy Authentication Required), or refused the ones given. IT: set them in Settings > Network.`,
    `代理 ${proxy} 要求身份验证（407），或拒绝了所给的用户名和密码。请 IT 在“设置 > 网络”中设置。`,
    false,
  )
}

export function proxyConnectRefused(proxy: string, target: string, status: number): NetworkFailure {
  return failure(
    { code: 'PROXY_CONNECT_REFUSED', proxy, target, status },
    `The proxy ${proxy} refused to connect to ${target} (HTTP ${status}). IT: allow ${target} on the proxy, or add it to the bypass list in Settings > Network.`,
    `代理 ${proxy} 拒绝连接 ${target}（HTTP ${status}）。请 IT 在代理上放行 ${target}，或在“设置 > 网络”中将其加入不经代理的列表。`,
    false,
  )
}

/** Node's code on an error or on its cause (axios and urllib wrap the socket's error). */
export function nodeErrorCode(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && (code in certificateCodes || /^E[A-Z]+$/.test(code))) return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}
