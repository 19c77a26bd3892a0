import { defineMessages } from '../define-messages'

/** Leaving training mode, removing training applicants, and moving waiting applicants to a new platform. */
export default defineMessages(
  {
    leaveTraining: {
      title: '退出培训模式',
      hint: '在左侧填写正式平台地址与 OSS，运行连接测试，三项均满足后即可切换。切换后培训沙箱及其数据将被删除。',
      items: {
        'platform-url': '已填写平台地址',
        oss: '已填写 OSS 区域或地址',
        'connection-test': '这些地址的连接测试在 {minutes} 分钟内通过',
      },
      done: '已满足',
      missing: '未满足',
      button: '退出培训模式并连接正式平台',
      confirm: '将切换到正式平台 {host}。培训沙箱及其中的数据将被删除，培训申请人不会发送到正式平台。确定继续？',
      confirmTitle: '退出培训模式',
      left: '已切换到正式平台',
      adminOnly: '仅管理员可以退出培训模式',
    },
    trainingCleanup: {
      title: '培训申请人',
      count: '队列中有 {n} 位培训申请人（带“培训”标记，可在队列中筛选），它们永远不会发送到正式平台。',
      none: '队列中没有培训申请人。',
      button: '删除全部培训申请人',
      confirm: '将删除全部 {n} 位培训申请人的资料与图片（已发送到沙箱的保留最简记录）。此操作会记入审计日志，且无法撤销。确定删除？',
      confirmTitle: '删除培训申请人',
      removed: '已删除 {n} 位培训申请人',
    },
    platformSwitch: {
      title: '更换平台',
      message: '当前平台仍有 {count} 位申请人等待同步。请选择如何处理：',
      keep: '保留在原平台（暂不同步，切回原平台后继续）',
      retarget: '转到新平台（全部步骤重新开始，记入审计日志）',
    },
  },
  {
    leaveTraining: {
      title: 'Leave training mode',
      hint: 'Enter the live platform address and OSS on the left and run the connection test; once all three items are met you can switch. The training sandbox and its data are deleted on the switch.',
      items: {
        'platform-url': 'Platform address entered',
        oss: 'OSS region or address entered',
        'connection-test': 'A connection test of these addresses passed in the last {minutes} minutes',
      },
      done: 'Met',
      missing: 'Not met',
      button: 'Leave training mode and go live',
      confirm: 'The desk will switch to the live platform {host}. The training sandbox and its data are deleted; training applicants are never sent to the live platform. Continue?',
      confirmTitle: 'Leave training mode',
      left: 'Switched to the live platform',
      adminOnly: 'Only an admin may leave training mode',
    },
    trainingCleanup: {
      title: 'Training applicants',
      count: '1 training applicant is in the queue (badged "training", filterable in the queue); it is never sent to a live platform. | {n} training applicants are in the queue (badged "training", filterable in the queue); they are never sent to a live platform.',
      none: 'No training applicants are in the queue.',
      button: 'Remove all training applicants',
      confirm: 'The data and images of the 1 training applicant will be removed (if the sandbox saw it, a minimal record is kept). This is audited and cannot be undone. Remove it? | The data and images of all {n} training applicants will be removed (those the sandbox saw keep a minimal record). This is audited and cannot be undone. Remove them?',
      confirmTitle: 'Remove training applicants',
      removed: '1 training applicant removed | {n} training applicants removed',
    },
    platformSwitch: {
      title: 'Change platform',
      message: '1 applicant of the current platform still waits to sync. What should happen to it? | {count} applicants of the current platform still wait to sync. What should happen to them?',
      keep: 'Keep them for the current platform (they wait, and sync if the desk is pointed back at it)',
      retarget: 'Re-target them to the new platform (every step from the start; audited)',
    },
  },
)
