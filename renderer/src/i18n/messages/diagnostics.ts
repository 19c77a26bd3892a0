import { defineMessages } from '../define-messages'

export default defineMessages(
  {
    diagnostics: {
      heading: '诊断',
      refresh: '刷新',
      entries: '最近的警告和错误',
      noEntries: '没有警告或错误。',
      calls: '最近的平台请求',
      noCalls: '还没有平台请求。',
      col: { time: '时间', level: '级别', event: '事件', details: '详情', path: '路径', outcome: '结果', code: '代码', ms: '耗时（毫秒）' },
      level: { debug: '调试', info: '信息', warn: '警告', error: '错误' },
      outcome: { ok: '成功', refused: '平台拒绝', transient: '暂时失败', waiting: '等待客户完成人脸核验' },
      export: '导出日志给 IT',
      exportJsonl: '导出 JSONL',
      exportCsv: '导出 CSV',
      exported: '已导出 {n} 条记录到 {path}',
      cancelled: '已取消导出。',
      redacted: '日志已去除令牌、密钥和证件号码。',
    },
  },
  {
    diagnostics: {
      heading: 'Diagnostics',
      refresh: 'Refresh',
      entries: 'Recent warnings and errors',
      noEntries: 'No warnings or errors.',
      calls: 'Recent platform requests',
      noCalls: 'No platform requests yet.',
      col: { time: 'Time', level: 'Level', event: 'Event', details: 'Details', path: 'Path', outcome: 'Outcome', code: 'Code', ms: 'Duration (ms)' },
      level: { debug: 'Debug', info: 'Info', warn: 'Warning', error: 'Error' },
      outcome: { ok: 'OK', refused: 'Refused', transient: 'Transient', waiting: 'Waiting for the customer’s face check' },
      export: 'Export the log for IT',
      exportJsonl: 'Export JSON lines',
      exportCsv: 'Export CSV',
      exported: 'Exported 1 record to {path} | Exported {n} records to {path}',
      cancelled: 'Export cancelled.',
      redacted: 'Tokens, secrets and document numbers are removed from the log.',
    },
  },
)
