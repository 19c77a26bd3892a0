import { defineMessages } from '../define-messages'

// The Help screen (views/HelpView.vue): statuses, steps, the walk-in, shortcuts, training, troubleshooting.
export default defineMessages(
  {
    help: {
      nav: '帮助',
      heading: '帮助',
      intro: '随时按 F1（或在输入框外按 ?）打开本页。',
      walkIn: {
        title: '接待一位客户：五步',
        s1: '扫描客户手机上的账户二维码（光标在任何位置均可）。',
        s2: '输入姓名和证件号码，按 Enter 跳到下一项；出生日期、性别和身份证的有效期会自动填写。',
        s3: '输入签发日期，然后按 Alt+1、Alt+2、Alt+3 放入证件正面、背面和手持证件照（取扫描文件夹中的下一份文件，没有文件时打开摄像头）。',
        s4: '请客户阅读同意书，勾选“客户已同意”（空格键）。',
        s5: '按 Ctrl+Enter 加入队列；应用会在联网时自动同步，并在队列中显示每一步的进度。',
      },
      statuses: {
        title: '申请人状态',
        draft: '正在采集，尚未加入队列。草稿会自动保存，可在“草稿”中继续。',
        queued: '已加入队列，等待同步。',
        syncing: '正在向平台上传照片和提交资料。',
        'waiting-retry': '网络或平台暂时出错，应用会在显示的时间自动重试，无需处理。',
        'needs-attention': '平台拒绝了资料，或资料有误：打开申请人详情，按提示修改、替换照片或扫描新的账户二维码。',
        submitted: '平台已收到全部资料和照片，并已核对。',
        'liveness-pending': '已发出真人核验二维码，等待客户用手机完成人脸核验。这是等待，不是失败。',
        verified: '客户已通过真人核验，流程完成。',
      },
      steps: {
        title: '同步步骤',
        sts: { name: '上传凭证', what: '向平台申请临时上传凭证（STS）。' },
        upload: { name: '上传照片', what: '把证件正面、背面和手持照加密传到平台的存储（OSS）。' },
        authnew: { name: '提交资料（1–4）', what: '依次提交身份信息和三张照片。' },
        reconcile: { name: '核对', what: '读取平台记录，确认平台收到的与本机一致。' },
        liveness: { name: '真人核验', what: '客户在场时发起：客户扫码完成人脸核验，应用取回结果。' },
      },
      shortcutsTitle: '快捷键',
      shortcutCol: { keys: '按键', action: '作用' },
      training: {
        title: '培训模式',
        body: '未配置平台时应用以培训模式运行：所有数据只发送到内置的模拟平台，页面顶部有常驻提示，采集页提供演示客户。培训数据与正式数据分开保存，不会提交给真实平台。',
      },
      papers: {
        title: '回执和同意书',
        body: '在申请人详情页点击“打印回执”或“打印同意书”：回执给客户保存（受理编号、隐去部分的姓名和证件号码、网点、后续步骤，以及待人脸核验时的二维码）；同意书请客户签名后留存。两者都可以打印或另存为 PDF。',
      },
      trouble: {
        title: '常见问题',
        camera: {
          q: '摄像头打不开',
          a: '检查摄像头是否插好、是否被其他程序占用，并在系统设置中允许本应用使用摄像头；在拍照窗口中可以切换摄像头。也可以改用扫描仪或选择文件。',
        },
        scanner: {
          q: '扫描的文件没有出现在收件箱',
          a: '在“设置”中检查扫描仪文件夹是否就是扫描软件保存文件的文件夹，且本机有读写权限；PDF 和 HEIC 文件请改为 JPEG、PNG 或 TIFF 导出。',
        },
        rebind: {
          q: '提示“需要客户的新账户二维码”',
          a: '客户的账户绑定已失效（例如客户在手机上重新登录）。客户再来时，打开该申请人的详情页，扫描客户手机上新的账户二维码，同步会自动继续。',
        },
        offline: {
          q: '没有网络',
          a: '可以照常采集并加入队列，资料加密保存在本机。恢复联网后应用自动同步；同步栏显示当前进度。',
        },
      },
    },
  },
  {
    help: {
      nav: 'Help',
      heading: 'Help',
      intro: 'Press F1 at any time (or ? outside a text field) to open this page.',
      walkIn: {
        title: 'One walk-in customer in five steps',
        s1: "Scan the account QR code on the customer's phone (wherever the focus is).",
        s2: 'Type the name and the document number, pressing Enter to move on; birth date, sex and an ID card\'s validity fill themselves.',
        s3: 'Type the issue date, then press Alt+1, Alt+2, Alt+3 for the ID front, back and the photo holding it (the next file in the scanner folder, or the camera when there is none).',
        s4: 'Let the customer read the consent and tick "The customer agrees" (Space).',
        s5: 'Press Ctrl+Enter to queue; the app syncs whenever it is online and shows every step in the queue.',
      },
      statuses: {
        title: 'Applicant statuses',
        draft: 'Being captured, not queued yet. Drafts save themselves; resume one from "Drafts".',
        queued: 'Queued, waiting to sync.',
        syncing: 'Uploading the images and submitting the data to the platform.',
        'waiting-retry': 'A passing network or platform fault: the app retries by itself at the time shown; nothing to do.',
        'needs-attention': "The platform refused the data, or the data is wrong: open the applicant and follow the advice (correct, replace an image, or scan a new account QR).",
        submitted: 'The platform holds all the data and images, and they are checked.',
        'liveness-pending': "A face-check QR code is out: waiting for the customer to complete the check on their phone. This is waiting, not a failure.",
        verified: 'The customer passed the face check; done.',
      },
      steps: {
        title: 'Sync steps',
        sts: { name: 'Upload credentials', what: 'Asks the platform for temporary upload credentials (STS).' },
        upload: { name: 'Upload images', what: "Sends the ID front, back and the holding photo to the platform's storage (OSS)." },
        authnew: { name: 'Submit (1–4)', what: 'Submits the identity data and the three images, in turn.' },
        reconcile: { name: 'Check', what: "Reads the platform's record back to confirm it matches this desk's." },
        liveness: { name: 'Face check', what: 'Started with the customer present: they scan a code and complete the face check; the app fetches the result.' },
      },
      shortcutsTitle: 'Shortcuts',
      shortcutCol: { keys: 'Keys', action: 'What it does' },
      training: {
        title: 'Training mode',
        body: 'With no platform configured the app runs in training mode: everything goes to the built-in sandbox platform, a banner says so at the top, and the capture screen offers demo customers. Training data is kept apart from live data and never reaches the real platform.',
      },
      papers: {
        title: 'Receipt and consent form',
        body: 'On the applicant’s detail view, “Print receipt” or “Print consent form”: the receipt is the customer’s to keep (reference, masked name and document number, branch, what happens next, and the face-check QR while one is out); the consent form is for the customer to sign and the branch to keep. Both print or save as PDF.',
      },
      trouble: {
        title: 'Troubleshooting',
        camera: {
          q: 'The camera does not open',
          a: 'Check that the camera is plugged in and not in use by another program, and that the system allows this app to use it; the camera window can switch cameras. A scanner or a file works too.',
        },
        scanner: {
          q: 'Scanned files do not appear in the inbox',
          a: 'In Settings, check that the scanner folder is the one the scanning software saves to and that this computer may read and write it; export PDF and HEIC files as JPEG, PNG or TIFF instead.',
        },
        rebind: {
          q: '"Needs a new account QR"',
          a: "The customer's account binding is no longer valid (they signed in again on their phone, for example). When they return, open the applicant and scan the new account QR on their phone; sync carries on by itself.",
        },
        offline: {
          q: 'No network',
          a: 'Capture and queue as usual; everything is kept encrypted on this computer. Once back online the app syncs by itself; the sync bar shows how far it got.',
        },
      },
    },
  },
)
