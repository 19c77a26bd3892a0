import { defineMessages } from '../define-messages'

// What the operator should do about a failed step (shared/domain/error-actions.ts), and the button for it.
export default defineMessages(
  {
    errorAction: {
      rebind: '需要客户的新账户二维码：客户的账户绑定已失效',
      'edit-identity': '请核对并修改身份信息',
      'replace-image': '请重新拍摄或替换照片',
      'retry-later': '暂时失败，稍后会自动重试',
      'call-it': '请联系 IT：平台或网络配置需要处理',
      waitingForQr: '{n} 位申请人需要客户的新账户二维码：客户再来时在详情页或采集页扫描即可继续同步',
      showWaiting: '只看这些',
      oldBindings: '{n} 位尚未提交的申请人的账户二维码已超过 {hours} 小时，平台可能已不再接受：请尽快同步，或请客户出示新的账户二维码',
      oldBinding: '账户二维码已扫描 {age} 小时（超过 {hours} 小时），客户的登录可能已失效',
    },
    errorActionButton: {
      rebind: '扫描新的账户二维码',
      'edit-identity': '修改身份信息',
      'replace-image': '替换照片',
      'retry-later': '立即重试',
      'call-it': '查看诊断信息',
    },
  },
  {
    errorAction: {
      rebind: "Needs a new account QR: the customer's account binding is no longer valid",
      'edit-identity': 'Check and correct the identity data',
      'replace-image': 'Capture or replace the image again',
      'retry-later': 'A passing fault: sync retries by itself',
      'call-it': 'Call IT: the platform or network setup needs attention',
      waitingForQr:
        "1 applicant needs the customer's new account QR: scan it in the applicant's detail view or at the capture screen when the customer returns | {n} applicants need the customer's new account QR: scan it in the applicant's detail view or at the capture screen when they return",
      showWaiting: 'Show only these',
      oldBindings:
        "1 applicant not yet submitted holds an account QR older than {hours} hours, which the platform may no longer accept: sync it soon, or ask for the customer's new account QR | {n} applicants not yet submitted hold an account QR older than {hours} hours, which the platform may no longer accept: sync them soon, or ask for the customer's new account QR",
      oldBinding: "Account QR scanned {age} hours ago (more than {hours}): the customer's login may have expired",
    },
    errorActionButton: {
      rebind: 'Scan the new account QR',
      'edit-identity': 'Edit identity',
      'replace-image': 'Replace image',
      'retry-later': 'Retry now',
      'call-it': 'Open diagnostics',
    },
  },
)
