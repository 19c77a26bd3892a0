import type { BackupRefusalCode } from '../domain/backup'
import backupRefusals from './backup-refusals'
import { defineMessages } from './define-messages'

/**
 * Why the core refused or failed, by the key it sends (`KycError.reason`, `FieldIssue.reason`)
 * with its values. Where English needs a plural, the count is `n` (vue-i18n's `a | b | c`:
 * zero | one | many). The screens and the command line word these; the core never does.
 */
export default defineMessages(
  {
    reasons: {
      signIn: {
        wrongPin: 'PIN 错误（还可尝试 {n} 次）',
        wrongPinHeldOff: 'PIN 错误，登录已暂停 {n} 分钟',
        heldOff: 'PIN 错误次数过多，请 {n} 分钟后再试',
        machineBackoff: '本机 PIN 错误次数过多，请等待 {n} 秒后再试',
        temporaryUsed: '此临时 PIN 已使用过，请联系管理员重新设置',
      },
      pin: {
        length: 'PIN 必须为 6–12 位数字',
        'digits-only': 'PIN 只能包含数字',
        repeated: 'PIN 不能是同一个数字重复',
        sequence: 'PIN 不能是连续的数字',
        same: '新 PIN 必须与当前 PIN 不同',
        currentWrong: '当前 PIN 不正确',
      },
      session: {
        signInFirst: '请先登录',
        pinChangeRequired: '请先设置新的 PIN',
        adminOnly: '只有管理员可以执行此操作',
      },
      operators: {
        setupDone: '本机已完成设置，新柜员由管理员添加',
        nameTaken: '已有名为“{name}”的柜员',
        lastAdmin: '至少需要保留一名在用的管理员',
        notSelf: '不能停用自己',
      },
      backup: backupRefusals['zh-CN'] satisfies Record<BackupRefusalCode, string>,
      training: {
        leaveIncomplete: '尚不能退出培训模式：“退出培训模式”清单中还有 {count} 项未满足',
      },
      platform: {
        waitingApplicants: '当前平台仍有 {count} 位申请人等待同步：请选择保留在原平台，还是转到新平台',
      },
      print: {
        viewNotShown: '要打印的单据不在屏幕上：请重新打开后再打印',
      },
      notFound: {
        applicant: '找不到该申请人（可能已被删除）',
        operator: '找不到该柜员',
        image: '找不到这张图片',
      },
      settings: {
        invalid: '部分设置无效，请查看标出的字段',
        caFile: {
          unreadable: '无法读取 CA 证书文件 {path}（{detail}）',
          'no-certificate': 'CA 证书文件 {path} 中没有 PEM 格式的证书（{detail}）',
          'not-a-certificate': 'CA 证书文件 {path} 中的第 {certificate} 个证书无效',
        },
        unreadable: '应用已锁定：无法读取已保存的设置，且不会以默认设置（培训模式）运行。请 IT 从备份恢复数据文件夹或修复设置后重新启动。',
        demoOnly: '演示客户只在培训模式下提供',
        scannerFolder: {
          missing: '扫描文件夹 {folder} 不存在',
          'not-absolute': '无法使用扫描文件夹 {folder}：不是完整路径',
          'not-a-directory': '无法使用扫描文件夹 {folder}：它是文件而不是文件夹',
          'data-folder': '无法使用扫描文件夹 {folder}：它是本应用自己的数据文件夹，或位于其中或其上层；请为扫描件单独指定一个文件夹',
          'app-folder': '无法使用扫描文件夹 {folder}：它属于用户配置中的应用程序文件夹；请为扫描件单独指定一个文件夹',
          'system-folder': '无法使用扫描文件夹 {folder}：它是系统文件夹或磁盘根目录；请为扫描件单独指定一个文件夹',
        },
      },
      vault: {
        insecureKeyForLive: '这台电脑没有可用的系统密钥环，客户数据的密钥无法得到保护，因此不能连接正式平台。请 IT 安装并解锁系统密钥环，或用 kyc-desk init 建立密钥文件。',
        noKeyring: '没有找到系统密钥环（{backend}），数据密钥只由一个固定密码保护。请 IT 安装并解锁密钥环（GNOME Keyring 或 KWallet）。',
        permissionsUnchecked: 'Windows 上不检查密钥文件的访问权限',
      },
      images: {
        cannotShow: '这张图片无法显示',
      },
      liveness: {
        notSubmitted: '申请提交到平台后才能开始真人核验',
        noLink: '还没有核验链接：请先开始真人核验',
      },
      export: {
        logWriteFailed: '无法把日志保存到这个位置，请换一个文件夹',
        reportWriteFailed: '无法把报表保存到这个位置，请换一个文件夹',
      },
      edit: {
        invalid: '部分字段有误，请按提示修改',
        warnings: '部分字段有需要确认的提示：请核对后确认保存',
        purged: '该申请人的个人信息已清除，不能再编辑',
        verified: '已认证通过的申请人不能编辑',
        stepRunning: '正在发送该申请人的数据：请稍等片刻（或暂停同步）后再保存',
        notEditable: '该申请人已不能编辑',
        notSent: '只有已发送到平台的申请人才有平台记录',
        otherPlatform: '该申请人采集于其他平台（或培训模式），不能向当前平台查询其记录',
        imagesPending: '图片尚未全部上传',
        platformRecordFailed: '平台没有返回记录（{code}）：{message}',
      },
      import: {
        chooseManifest: '请先选择清单文件',
        chooseImages: '请同时选择图片文件夹',
        previewFirst: '请先预览清单，再导入',
        consentRequired: '加入队列需要客户同意处理其敏感个人信息',
        alreadyRunning: '已有一个导入正在进行',
      },
      upload: {
        BAD_UPLOAD: '上传不完整或有重复的文件：请重新选择',
        UPLOAD_TOO_LARGE: '文件过大：请分批导入或使用较小的文件',
        NO_IMAGES: '文件夹中没有图片（JPEG、PNG、WebP 或 TIFF）',
        TOO_MANY_FILES: '文件夹中的文件太多：请分批导入',
        NOT_AN_IMAGE: '文件夹中有不是图片的文件：只能包含 JPEG、PNG、WebP 或 TIFF',
        NOT_FOUND: '上传已失效：请重新选择文件',
      },
      capture: {
        noBinding: '尚未绑定客户的平台账户：请扫描客户的绑定二维码或手动输入',
        missingImage: {
          front: '缺少证件正面照片',
          back: '缺少证件背面照片',
          hand: '缺少手持证件照',
        },
        imageNotOverridden: '图片未通过质量检查：请重拍（或重新扫描），或填写保留原因',
        noConsent: '客户尚未同意处理其敏感个人信息：请确认并勾选同意',
        identityIncomplete: '身份信息仍有问题，请先按表单中的提示修正',
        notADraft: '该申请人已加入队列，不能在采集页面修改；请在申请人详情中编辑',
        noDemoCustomer: '没有这个演示客户（仅培训模式提供）',
        bindingInvalid: '账户绑定无效：请重新扫描客户的绑定二维码',
        cannotRemove: '该申请人已开始同步，不能删除',
        notQueued: '该申请人未能加入队列，请重试',
        rebind: {
          notWaiting: '该申请人并未在等待新的账户二维码',
          otherAccount: '此账户二维码属于另一个平台账户，与该申请人的账户不符',
          notRebindable: '该申请人已不能重新绑定，请刷新后查看其状态',
          notADraft: '只有草稿的账户二维码可以转给其他申请人',
          noBinding: '请先扫描客户的账户二维码',
        },
        duplicate: {
          uid: '申请 {reference} 已绑定同一平台账户',
          document: '申请 {reference} 使用同一证件号码',
        },
      },
    },
  },
  {
    reasons: {
      signIn: {
        wrongPin: 'Wrong PIN (no attempts left) | Wrong PIN (1 attempt left) | Wrong PIN ({n} attempts left)',
        wrongPinHeldOff: 'Wrong PIN: sign-in is held off for a minute | Wrong PIN: sign-in is held off for 1 minute | Wrong PIN: sign-in is held off for {n} minutes',
        heldOff: 'Too many wrong PINs: try again in a minute | Too many wrong PINs: try again in a minute | Too many wrong PINs: try again in {n} minutes',
        machineBackoff: 'Too many wrong PINs on this computer: wait a second | Too many wrong PINs on this computer: wait a second | Too many wrong PINs on this computer: wait {n} seconds',
        temporaryUsed: 'This temporary PIN was already used: ask an admin for a new one',
      },
      pin: {
        length: 'The PIN must have 6 to 12 digits',
        'digits-only': 'The PIN may contain digits only',
        repeated: 'The PIN may not be one digit repeated',
        sequence: 'The PIN may not be a run of consecutive digits',
        same: 'The new PIN must differ from the current one',
        currentWrong: 'The current PIN is wrong',
      },
      session: {
        signInFirst: 'Sign in first',
        pinChangeRequired: 'Choose a new PIN first',
        adminOnly: 'Only an admin may do this',
      },
      operators: {
        setupDone: 'This computer is already set up: an admin adds operators',
        nameTaken: 'An operator called "{name}" already exists',
        lastAdmin: 'At least one active admin must remain',
        notSelf: 'You cannot disable yourself',
      },
      backup: backupRefusals.en,
      training: {
        leaveIncomplete: 'Training mode cannot be left yet: 1 item of the "Leave training mode" checklist is not met | Training mode cannot be left yet: {count} items of the "Leave training mode" checklist are not met',
      },
      platform: {
        waitingApplicants: '1 applicant of the current platform still waits to sync: keep it for that platform, or re-target it to the new one | {count} applicants of the current platform still wait to sync: keep them for it, or re-target them to the new platform',
      },
      print: {
        viewNotShown: 'The paper to print is not on screen: open it again and print from there',
      },
      notFound: {
        applicant: 'That applicant was not found (it may have been removed)',
        operator: 'That operator was not found',
        image: 'That image was not found',
      },
      settings: {
        invalid: 'Some settings are not valid: see the marked fields',
        caFile: {
          unreadable: 'The CA certificate file {path} cannot be read ({detail})',
          'no-certificate': 'The CA certificate file {path} holds no PEM certificate ({detail})',
          'not-a-certificate': 'The CA certificate file {path} holds something that is not a valid certificate (certificate {certificate})',
        },
        unreadable: 'The app is locked: its stored settings cannot be read, and it will not run on default settings (training mode). IT: restore the data folder from a backup or repair the settings, then restart.',
        demoOnly: 'Demo customers exist only in training mode',
        scannerFolder: {
          missing: 'The scanner folder {folder} does not exist',
          'not-absolute': 'The scanner folder {folder} cannot be used: it is not a full path',
          'not-a-directory': 'The scanner folder {folder} cannot be used: it is a file, not a folder',
          'data-folder': "The scanner folder {folder} cannot be used: it is this app's own data folder, inside it or above it; choose a folder of its own for scans",
          'app-folder': "The scanner folder {folder} cannot be used: it is one of the user profile's application folders; choose a folder of its own for scans",
          'system-folder': 'The scanner folder {folder} cannot be used: it is a system folder or a drive root; choose a folder of its own for scans',
        },
      },
      vault: {
        insecureKeyForLive: 'This PC has no usable system keyring, so the key protecting customer data cannot be secured and the live platform cannot be used. IT: install and unlock a keyring, or create a key file with kyc-desk init.',
        noKeyring: 'No system keyring was found ({backend}), so the data key is protected only by a fixed password. IT: install and unlock a keyring (GNOME Keyring or KWallet).',
        permissionsUnchecked: 'file permissions of the key file are not checked on Windows',
      },
      images: {
        cannotShow: 'This image cannot be shown',
      },
      liveness: {
        notSubmitted: 'Real-person verification can start once the applicant is submitted',
        noLink: 'There is no verification link yet: start real-person verification first',
      },
      export: {
        logWriteFailed: 'The log could not be saved there; choose another folder',
        reportWriteFailed: 'The report could not be saved there; choose another folder',
      },
      edit: {
        invalid: 'Some fields are not valid: correct them as shown',
        warnings: 'Some fields have warnings: check them and confirm to save',
        purged: 'This applicant’s personal data was purged; it cannot be edited',
        verified: 'A verified applicant cannot be edited',
        stepRunning: 'This applicant’s data is being sent right now: wait a moment (or pause sync) and save again',
        notEditable: 'This applicant can no longer be edited',
        notSent: 'Only an applicant that was sent to the platform has a platform record',
        otherPlatform: 'This applicant was captured for another platform (or for training); its record cannot be asked of the platform in force',
        imagesPending: 'The images have not all been uploaded yet',
        platformRecordFailed: 'The platform did not give its record ({code}): {message}',
      },
      import: {
        chooseManifest: 'Choose a manifest first',
        chooseImages: 'Choose the images folder too',
        previewFirst: 'Preview the manifest before importing it',
        consentRequired: 'Queueing needs the customers’ consent to the processing of sensitive personal information',
        alreadyRunning: 'An import is already running',
      },
      upload: {
        BAD_UPLOAD: 'The upload is incomplete or lists a file twice: choose the files again',
        UPLOAD_TOO_LARGE: 'The files are too large: split the batch or use smaller files',
        NO_IMAGES: 'This folder has no images (JPEG, PNG, WebP or TIFF)',
        TOO_MANY_FILES: 'This folder has too many files: split the batch',
        NOT_AN_IMAGE: 'The folder holds a file that is not an image: JPEG, PNG, WebP or TIFF only',
        NOT_FOUND: 'This upload is gone: choose the files again',
      },
      capture: {
        noBinding: "The customer's platform account is not bound yet: scan their binding QR code or type it",
        missingImage: {
          front: 'The document front image is missing',
          back: 'The document back image is missing',
          hand: 'The hand-held photo is missing',
        },
        imageNotOverridden: 'An image did not pass the quality check: retake (or rescan) it, or keep it with a reason',
        noConsent: 'The customer has not consented to the processing of sensitive personal information: confirm and tick the consent box',
        identityIncomplete: 'The identity data still has problems: correct them as the form shows',
        notADraft: 'This applicant is already queued and cannot be changed here; edit it in the applicant detail',
        noDemoCustomer: 'There is no such demo customer (offered in training mode only)',
        bindingInvalid: 'The account binding is not valid: scan the customer’s binding QR code again',
        cannotRemove: 'This applicant has started syncing and cannot be removed',
        notQueued: 'The applicant could not be queued; try again',
        rebind: {
          notWaiting: 'This applicant is not waiting for a new account QR',
          otherAccount: 'This account QR is for another platform account than the applicant’s',
          notRebindable: 'This applicant can no longer be re-bound: refresh to see its status',
          notADraft: 'Only a draft’s account QR can be moved to another applicant',
          noBinding: 'Scan the customer’s account QR first',
        },
        duplicate: {
          uid: 'Applicant {reference} is bound to the same platform account',
          document: 'Applicant {reference} has the same document number',
        },
      },
    },
  },
)
