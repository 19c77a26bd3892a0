import { defineMessages } from './define-messages'

/**
 * A sync step's failures that are ours, not the platform's (whose own message is shown as it
 * came): the path to the platform, OSS, the stored data, the verify page. The core stores the key
 * with its values beside an English message for the log; the queue and detail screens word it.
 */
export default defineMessages(
  {
    stepError: {
      kind: { transient: '暂时失败，将自动重试', refused: '平台拒绝', invalid: '数据有误' },
      internal: '同步时出现意外错误，此步骤已停止；详见诊断日志',
      imageUnreadable: { front: '无法读取已保存的证件正面：请重新采集', back: '无法读取已保存的证件背面：请重新采集', hand: '无法读取已保存的手持证件照：请重新采集' },
      uploadMissing: { front: '证件正面的上传没有留下存储路径：请重新同步该照片', back: '证件背面的上传没有留下存储路径：请重新同步该照片', hand: '手持证件照的上传没有留下存储路径：请重新同步该照片' },
      reconcileMismatch: '平台记录与提交的内容有 {n} 项不一致：请在“平台记录核对”中查看，核对后重新同步',
      verify: {
        tokenMissing: '平台未返回真人核验令牌：请 IT 为该平台账户开通真人核验，或设置令牌所在字段',
        urlMissing: '平台返回了核验令牌，但没有客户用的核验页面：请 IT 在设置中填写核验页面地址模板',
        urlRefused: '平台的核验页面不是 https:// 地址（{scheme}），未显示：请 IT 向平台索取 https:// 核验页面',
      },
      platform: {
        deadline: '平台未在 {seconds} 秒内答复完毕，将自动重试',
        timeout: '平台未及时答复，将自动重试',
        noAnswer: '平台没有答复（{code}），将自动重试',
        http: '平台答复 HTTP {status}，将自动重试',
        notJson: '平台答复 HTTP {status}，但内容不是平台的 JSON 格式，将自动重试',
        noStatus: '平台的答复缺少状态码，将自动重试',
        tooLarge: '答复远大于平台应有的大小，已截断（可能来自代理或网关），将自动重试',
        missingFields: '平台对 {path} 的答复缺少字段：{fields}',
      },
      oss: {
        credentials: 'OSS 拒绝了刚取得的上传凭证（{code}），可能是本机时间不准，将自动重试',
        transient: 'OSS 暂时不可用（{code}），将自动重试',
        noAnswer: 'OSS 没有答复（{code}），将自动重试',
        tooLarge: 'OSS 的答复远大于应有的大小（可能来自代理或网关），将自动重试',
        refused: 'OSS 拒绝了上传（{code}）',
      },
    },
  },
  {
    stepError: {
      kind: { transient: 'temporary, retried automatically', refused: 'refused by the platform', invalid: 'invalid data' },
      internal: 'An unexpected error stopped this step; see the diagnostics log',
      imageUnreadable: {
        front: 'The stored document front cannot be read: capture it again',
        back: 'The stored document back cannot be read: capture it again',
        hand: 'The stored hand-held photo cannot be read: capture it again',
      },
      uploadMissing: {
        front: 'The document front upload left no object key: sync the image again',
        back: 'The document back upload left no object key: sync the image again',
        hand: 'The hand-held photo upload left no object key: sync the image again',
      },
      reconcileMismatch:
        "The platform's record differs from what was sent in {n} field: see the platform record check, then sync again | The platform's record differs from what was sent in {n} fields: see the platform record check, then sync again",
      verify: {
        tokenMissing: 'The platform sent no real-person verify token: IT must enable real-person verification for this platform account, or set which field carries the token',
        urlMissing: 'The platform sent a verify token but no page for the customer: IT must set the verify page URL template in Settings',
        urlRefused: "The platform's verify page is not an https:// address ({scheme}) and was not shown: IT must ask the platform for an https:// verify page",
      },
      platform: {
        deadline: 'The platform did not finish answering within {seconds} s; retrying automatically',
        timeout: 'The platform did not answer in time; retrying automatically',
        noAnswer: 'No answer from the platform ({code}); retrying automatically',
        http: 'The platform answered HTTP {status}; retrying automatically',
        notJson: 'The platform answered HTTP {status} with something that is not its JSON envelope; retrying automatically',
        noStatus: 'The platform sent an answer without a status; retrying automatically',
        tooLarge: 'The answer was far larger than any platform envelope (perhaps from a proxy or gateway) and was cut off; retrying automatically',
        missingFields: "The platform's answer to {path} is missing fields: {fields}",
      },
      oss: {
        credentials: 'OSS refused the fresh upload credentials ({code}), perhaps because this computer’s clock is wrong; retrying automatically',
        transient: 'OSS is unavailable for now ({code}); retrying automatically',
        noAnswer: 'No answer from OSS ({code}); retrying automatically',
        tooLarge: 'OSS answered with far more than it ever sends (perhaps a proxy or gateway); retrying automatically',
        refused: 'OSS refused the upload ({code})',
      },
    },
  },
)
