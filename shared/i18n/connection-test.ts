import type { ProbeFinding } from '../contract/connection-test'
import type { NetworkFailureCode } from '../contract/network-failure'
import { defineMessages } from './define-messages'

/**
 * The connection test's findings (`connectionTest.<finding>`; a `network` finding is worded by its
 * failure) and the failures of the way there (`networkFailure.<code>`), with the values the core
 * sends; `{until}` is the expiry the screen formats in the branch's time zone.
 */
export default defineMessages(
  {
    connectionTest: {
      'no-address': '尚未设置平台地址',
      'platform-no-answer': '{host} 没有应答：请检查平台地址和本机网络',
      'not-the-platform': '{host} 有应答，但不是平台的响应格式：请检查平台地址',
      'envelope-only': '{host} 以平台的响应格式应答（测试账号按预期被拒绝：“{platformMessage}”）。输入一个客户账号可测试上传凭证和 OSS。',
      'sts-received': '已取得存储桶 {bucket} 的上传凭证，有效期至 {until}',
      'sts-refused': '平台拒绝发放上传凭证：{platformMessage}',
      'oss-answers': 'OSS 地址有应答；未测试上传权限（没有上传凭证）',
      'oss-no-answer': 'OSS 地址没有应答：请检查 OSS 地域或地址，以及本机网络',
      'oss-authorized': 'OSS 接受了存储桶 {bucket} 的上传凭证',
      'oss-refused': 'OSS 拒绝了请求（状态码 {status}）：请检查存储桶、地域和平台发放的权限',
    } satisfies Record<Exclude<ProbeFinding, 'network'>, string>,
    networkFailure: {
      PROXY_UNREACHABLE: '无法连接代理 {proxy}（{detail}）。请 IT 检查“设置 > 网络”中的代理地址，并确认代理正在运行。',
      PROXY_AUTH_REQUIRED: '代理 {proxy} 要求身份验证（407），或拒绝了所给的用户名和密码。请 IT 在“设置 > 网络”中设置。',
      PROXY_CONNECT_REFUSED: '代理 {proxy} 拒绝连接 {target}（状态码 {status}）。请 IT 在代理上放行 {target}，或在“设置 > 网络”中将其加入不经代理的列表。',
      CERT_UNTRUSTED: '证书不受信任：{host} 的证书（{nodeCode}）不是由本机信任的 CA 签发的。@:networkFailure.certificateFix',
      CERT_EXPIRED: '证书不受信任：{host} 的证书已过期或尚未生效（{nodeCode}），请检查本机时钟。@:networkFailure.certificateFix',
      CERT_NAME_MISMATCH: '证书不受信任：{host} 的证书不属于该地址（{nodeCode}）。@:networkFailure.certificateFix',
      certificateFix: '请 IT 处理：如网络经代理检查 TLS，请在“设置 > 网络”中指定该代理的 CA 证书文件；否则需修复服务器的证书。',
    } satisfies Record<NetworkFailureCode | 'certificateFix', string>,
  },
  {
    connectionTest: {
      'no-address': 'No platform address is set',
      'platform-no-answer': 'No answer from {host}: check the platform address and this computer’s network',
      'not-the-platform': '{host} answered, but not in the platform’s format: check the platform address',
      'envelope-only': '{host} answers in the platform’s format (a test account was refused, as expected: “{platformMessage}”). Enter a customer account to test upload credentials and OSS.',
      'sts-received': 'Upload credentials received for bucket {bucket}, valid until {until}',
      'sts-refused': 'The platform refused upload credentials: {platformMessage}',
      'oss-answers': 'The OSS address answers; upload permissions were not tested (no upload credentials)',
      'oss-no-answer': 'No answer from the OSS address: check the OSS region or address and this computer’s network',
      'oss-authorized': 'OSS accepted the upload credentials for bucket {bucket}',
      'oss-refused': 'OSS refused the request (status {status}): check the bucket, the region and the permissions the platform grants',
    },
    networkFailure: {
      PROXY_UNREACHABLE: 'The proxy {proxy} cannot be reached ({detail}). IT: check the proxy address in Settings > Network and that the proxy is running.',
      PROXY_AUTH_REQUIRED: 'The proxy {proxy} asks for a user name and password (407 Proxy Authentication Required), or refused the ones given. IT: set them in Settings > Network.',
      PROXY_CONNECT_REFUSED: 'The proxy {proxy} refused to connect to {target} (status {status}). IT: allow {target} on the proxy, or add it to the bypass list in Settings > Network.',
      CERT_UNTRUSTED: 'Certificate not trusted: {host}’s certificate ({nodeCode}) is not signed by a CA this computer trusts. @:networkFailure.certificateFix',
      CERT_EXPIRED: 'Certificate not trusted: {host}’s certificate has expired or is not valid yet ({nodeCode}); check this computer’s clock. @:networkFailure.certificateFix',
      CERT_NAME_MISMATCH: 'Certificate not trusted: {host}’s certificate is for another name ({nodeCode}). @:networkFailure.certificateFix',
      certificateFix: 'IT: if the network inspects TLS through a proxy, set that proxy’s CA certificate file in Settings > Network; otherwise the server’s certificate must be fixed.',
    },
  },
)
