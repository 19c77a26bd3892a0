import { defineMessages } from '../define-messages'

export default defineMessages(
  {
    network: {
      section: '网络（代理与证书）',
      mode: '代理',
      system: '系统代理',
      manual: '手动设置',
      none: '不使用代理',
      modeHint: '“系统代理”沿用操作系统的代理设置（命令行与浏览器模式下为 HTTPS_PROXY/NO_PROXY 环境变量）。培训模式始终直连。',
      url: '代理地址',
      urlHint: '例如 http://proxy.bank.example:8080（用户名和密码填在下面）',
      username: '代理用户名',
      password: '代理密码',
      passwordSet: '已保存密码；留空则保持不变，清空用户名则一并清除。',
      passwordUnset: '代理需要身份验证时填写。',
      bypass: '不经代理的地址',
      bypassHint: '用逗号分隔：主机名、.域名后缀或 *，例如 oss.bank.example, .intranet.example',
      caFile: '额外信任的 CA 证书文件',
      caFileHint: 'PEM 文件的完整路径：代理检查 TLS 时使用的机构 CA。保存时检查文件。',
    },
  },
  {
    network: {
      section: 'Network (proxy and certificates)',
      mode: 'Proxy',
      system: 'System proxy',
      manual: 'Manual',
      none: 'No proxy',
      modeHint: '"System proxy" follows the operating system (HTTPS_PROXY/NO_PROXY in the command line and browser mode). Training mode always connects directly.',
      url: 'Proxy address',
      urlHint: 'e.g. http://proxy.bank.example:8080 (user name and password below)',
      username: 'Proxy user name',
      password: 'Proxy password',
      passwordSet: 'A password is saved; leave empty to keep it, clear the user name to remove it.',
      passwordUnset: 'Only when the proxy asks for credentials.',
      bypass: 'Reached without the proxy',
      bypassHint: 'Comma-separated host names, .domain suffixes or *, e.g. oss.bank.example, .intranet.example',
      caFile: 'Extra trusted CA certificate file',
      caFileHint: "Full path of a PEM file: your organisation's CA, when a proxy inspects TLS. Checked when saved.",
    },
  },
)
