import { defineMessages } from './define-messages'

/**
 * The scanner folder's notes on a file and its refusals to assign one (`scannerInbox.*`). The
 * folder's own problems (missing, refused) are worded by `reasons.settings.scannerFolder.*`, and
 * an image's by `imageFile.*` and `imageCheck.*`.
 */
export default defineMessages(
  {
    scannerInbox: {
      auto: {
        'no-applicant': '没有编号为 {reference} 的申请人：请检查文件名，或手动指定',
        'not-draft': '申请人 {reference} 已在队列中：如需替换图片，请手动指定',
        quality: '因质量警告未自动指定：请重新扫描，或手动指定并填写理由',
        locked: '当前无柜员登录，未自动指定：请登录后指定',
        failed: '保存失败（详见日志）：请重新指定',
      },
      file: {
        unreadable: '无法读取该文件（{detail}）：扫描软件可能仍在占用',
        'delete-failed': '已保存到申请人，但无法从扫描文件夹删除该文件：请手动删除',
        'check-failed': '无法检查该文件（详见日志）：请重新保存到文件夹，或将其删除',
        'not-regular': '不是普通文件（链接、文件夹或设备）：本应用不会读取或删除它',
      },
      'no-such-item': '该文件已不在扫描文件夹中',
      busy: '文件仍在检查或保存中：请稍后再试',
      unusable: '该文件不是可用的图片',
      'needs-override': '图片存在质量警告：请填写仍要使用的理由，或重新扫描',
      'applicant-not-found': '该申请人已不存在',
      'applicant-purged': '该申请人的数据已清除',
      failed: '保存失败（详见日志）：文件仍在文件夹中',
      'pattern-invalid': "文件名规则“{pattern}”必须各含一次 {'{'}ref{'}'} 和 {'{'}slot{'}'}",
      'not-set-up': '扫描文件夹未启用',
    },
  },
  {
    scannerInbox: {
      auto: {
        'no-applicant': 'No applicant with reference {reference}: check the file name or assign the file by hand',
        'not-draft': 'Applicant {reference} is already queued: to replace an image, assign the file by hand',
        quality: 'Not assigned automatically because of the quality warnings: rescan, or assign by hand with a reason',
        locked: 'Not assigned while nobody is signed in: sign in and assign it',
        failed: 'Storing failed (see the log): try assigning it again',
      },
      file: {
        unreadable: 'The file cannot be read ({detail}): it may still be open in the scanner software',
        'delete-failed': 'Stored with the applicant, but the file could not be deleted from the scanner folder: delete it by hand',
        'check-failed': 'The file could not be checked (see the log): save it to the folder again, or discard it',
        'not-regular': 'Not an ordinary file (a link, a folder or a device): this app neither reads nor deletes it',
      },
      'no-such-item': 'The file is no longer in the scanner folder',
      busy: 'The file is still being checked or stored: try again in a moment',
      unusable: 'The file is not a usable image',
      'needs-override': 'The image has quality warnings: give a reason to use it anyway, or rescan',
      'applicant-not-found': 'The applicant no longer exists',
      'applicant-purged': 'The applicant’s data has been purged',
      failed: 'Storing failed (see the log): the file is still in the folder',
      'pattern-invalid': "The file-name pattern “{pattern}” needs {'{'}ref{'}'} and {'{'}slot{'}'} exactly once each",
      'not-set-up': 'The scanner folder is not set up',
    },
  },
)
