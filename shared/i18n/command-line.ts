import { defineMessages } from './define-messages'

/**
 * The command line's reports to the operator (status, sync, backup, restore, init, operators),
 * from the same tables as the screens; `kyc-desk import` has its own (`importReport`). Counts are
 * `n` for English plurals. Usage texts (`--help`) stay in English: they are for IT.
 */
export default defineMessages(
  {
    commandLine: {
      next: '下一步：{command}',
      count: {
        applicants: '{n} 位申请人',
        images: '{n} 张图片',
        bytes: '{n} 字节',
      },
      status: {
        total: '共 {n} 位申请人：{counts}',
        count: '{status} {n}',
        purged: '（已清除）',
        lastError: '{kind}：{text}（{code}）',
        step: '{step} {state}',
        attempts: '×{n}',
        nextAttempt: '下次 {time}',
      },
      sync: {
        submitted: '已提交 {done} / {total}',
        waitingRetry: '{n} 位等待重试',
        needsAttention: '{n} 位需处理',
        needsNewQr: '{n} 位需新账户二维码',
        offline: '离线，正在探测',
        paused: '已暂停',
        stepFailed: '{id} {step}：{text}（{code}）',
        noApplicants: '没有申请人',
        idle: '没有待同步的申请人',
      },
      passphrase: { prompt: '备份密码：', again: '再次输入：' },
      backup: {
        written: '备份已写入 {file}：{applicants}、{images}、{bytes}',
        keepApart: '请将备份密码与备份文件分开保管：没有密码，任何人都无法打开此备份',
      },
      restore: {
        header: '备份时间 {time}，由 kyc-desk {version} 制作（数据库版本 {schema}）',
        restored: '已将 {applicants}和 {images}恢复到 {folder}',
        keyFile: '密钥文件：{file}：请在别处另存一份副本；启动程序时设置 {variable}={file}',
      },
      init: {
        created: '已在 {folder} 创建队列（{mode}）',
        training: '培训模式',
        platform: '平台 {platform}',
        keyFile: '密钥文件：{file}：请在别处另存一份副本；没有它，文件夹中的任何内容都无法读取',
        exists: '{folder} 已有队列；请用 --data {data} 打开它',
        notEmpty: '{folder} 不是空的；请选择新的文件夹',
        keyFileExists: '{file} 已存在；新队列需要新的密钥文件',
      },
      operators: {
        added: '已添加 {name}（{role}）；临时 PIN：{pin}（仅可登录一次，之后须设置新 PIN）',
        disabled: '已停用 {name}',
        enabled: '已启用 {name}',
        pinReset: '已重置 {name} 的 PIN；临时 PIN：{pin}（仅可登录一次，之后须设置新 PIN）',
        role: { admin: '管理员', operator: '柜员' },
        notFound: '没有名为“{name}”的柜员',
      },
    },
  },
  {
    commandLine: {
      next: 'next: {command}',
      count: {
        applicants: '{n} applicant | {n} applicants',
        images: '{n} image | {n} images',
        bytes: '{n} byte | {n} bytes',
      },
      status: {
        total: '{n} applicant: {counts} | {n} applicants: {counts}',
        count: '{status} {n}',
        purged: '(purged)',
        lastError: '{kind}: {text} ({code})',
        step: '{step} {state}',
        attempts: '×{n}',
        nextAttempt: 'next {time}',
      },
      sync: {
        submitted: '{done}/{total} submitted',
        waitingRetry: '{n} waiting to retry',
        needsAttention: '{n} needs attention | {n} need attention',
        needsNewQr: '{n} needs a new account QR | {n} need a new account QR',
        offline: 'offline, probing',
        paused: 'paused',
        stepFailed: '{id} {step}: {text} ({code})',
        noApplicants: 'no applicants',
        idle: 'nothing to sync',
      },
      passphrase: { prompt: 'Backup passphrase: ', again: 'Again: ' },
      backup: {
        written: 'backup written to {file}: {applicants}, {images}, {bytes}',
        keepApart: 'keep the passphrase apart from the file: without it the backup cannot be opened',
      },
      restore: {
        header: 'backup of {time} by kyc-desk {version} (database version {schema})',
        restored: 'restored {applicants} and {images} into {folder}',
        keyFile: 'key file: {file}: keep a copy elsewhere; start the app with {variable}={file}',
      },
      init: {
        created: 'created a queue in {folder} ({mode})',
        training: 'training mode',
        platform: 'platform {platform}',
        keyFile: 'key file: {file}: keep a copy elsewhere; without it nothing in the folder can be read',
        exists: '{folder} already holds a queue; open it with --data {data}',
        notEmpty: '{folder} is not empty; choose a new folder',
        keyFileExists: '{file} already exists; a new queue gets a new key file',
      },
      operators: {
        added: 'added {name} ({role}); temporary PIN: {pin} (one sign-in, then a new PIN)',
        disabled: 'disabled {name}',
        enabled: 'enabled {name}',
        pinReset: 'reset the PIN of {name}; temporary PIN: {pin} (one sign-in, then a new PIN)',
        role: { admin: 'admin', operator: 'operator' },
        notFound: 'no operator called "{name}"',
      },
    },
  },
)
