import { defineMessages } from '../define-messages'

export default defineMessages(
  {
    syncbar: {
      label: '同步状态',
      online: '平台在线',
      offline: '平台离线：等待恢复，采集照常',
      running: '同步运行中',
      paused: '同步已暂停',
      diskFull: '磁盘已满，同步已暂停：请释放磁盘空间，之后会自动继续',
      stopped: '同步未启动',
      inFlight: '正在发送 {n} 人',
      batch: '今日已提交 {done} / {total} 人',
      left: '还剩 {n} 人待发送',
      idle: '没有待同步的申请人',
      pause: '暂停',
      resume: '继续',
      syncAll: '全部同步',
      lastError: '最近错误：{message}',
      language: '界面语言',
    },
  },
  {
    syncbar: {
      label: 'Sync status',
      online: 'Platform online',
      offline: 'Platform offline: waiting for it, capture goes on',
      running: 'Sync running',
      paused: 'Sync paused',
      diskFull: 'Disk full, sync paused: free some disk space and it goes on by itself',
      stopped: 'Sync not started',
      inFlight: '{n} being sent',
      batch: 'Today: {done} of {total} submitted',
      left: 'nothing left to send | 1 applicant left to send | {n} applicants left to send',
      idle: 'Nothing waiting to sync',
      pause: 'Pause',
      resume: 'Resume',
      syncAll: 'Sync all',
      lastError: 'Last error: {message}',
      language: 'Language',
    },
  },
)
