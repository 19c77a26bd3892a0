import { defineMessages } from '../define-messages'

export default defineMessages(
  {
    records: {
      export: '导出报表',
      exportTitle: '导出报表（CSV）',
      kindStatus: '申请状态报表',
      kindAudit: '审计日志',
      auditHint: '审计日志列出每次采集、编辑、覆盖（含理由）、排队、同步步骤、删除、导出、清除和登录，含柜员和时间，不含个人信息。',
      exportHint: '报表默认只含脱敏信息（参考号、脱敏姓名和证件号、状态、步骤）。',
      includePersonal: '包含完整姓名和证件号码',
      includePersonalWarning: '文件将包含敏感个人信息。请只保存到受控位置，用完后删除。本次导出会记入审计日志。',
      onlyStatus: '只导出当前筛选的状态',
      save: '选择保存位置…',
      cancel: '取消',
      saved: '已导出 {rows} 条到 {file}',
      staleTitle: '{n} 位申请人长期未完成',
      staleItem: '{reference} {label}（{status}）',
      staleHint: '以下申请人已超过 {days} 天未完成认证。草稿不会自动删除；已入队的申请人在 {purgeDays} 天后将被清除照片和个人信息。请处理（完成、重试或删除）。',
      open: '打开',
    },
  },
  {
    records: {
      export: 'Export report',
      exportTitle: 'Export a report (CSV)',
      kindStatus: 'Applicant status report',
      kindAudit: 'Audit log',
      auditHint: 'The audit log lists every capture, edit, override (with its reason), queueing, sync step, removal, export, purge and sign-in, with operator and time, and no personal data.',
      exportHint: 'By default the report holds masked data only (reference, masked name and number, status, steps).',
      includePersonal: 'Include full names and document numbers',
      includePersonalWarning: 'The file will hold sensitive personal information. Save it only somewhere controlled and delete it after use. This export is recorded in the audit log.',
      onlyStatus: 'Only the status currently filtered',
      save: 'Choose where to save…',
      cancel: 'Cancel',
      saved: 'Exported {rows} rows to {file}',
      staleTitle: '1 applicant left unfinished for a long time | {n} applicants left unfinished for a long time',
      staleItem: '{reference} {label} ({status})',
      staleHint: 'These applicants have not finished verification in {days} days. Drafts are never deleted automatically; queued applicants have their images and personal fields purged after {purgeDays} days. Finish, retry or remove them.',
      open: 'Open',
    },
  },
)
