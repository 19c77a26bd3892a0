import { defineMessages } from './define-messages'

/** An applicant's status by its one name, on the screens (badges, counts, help) and in the command line's reports. */
export default defineMessages(
  {
    status: {
      all: '全部',
      draft: '草稿',
      queued: '排队中',
      syncing: '同步中',
      'waiting-retry': '等待重试',
      'needs-attention': '需处理',
      'needs-new-qr': '需新账户二维码',
      submitted: '已提交',
      'liveness-pending': '待人脸核验',
      verified: '已认证',
    },
  },
  {
    status: {
      all: 'All',
      draft: 'Draft',
      queued: 'Queued',
      syncing: 'Syncing',
      'waiting-retry': 'Waiting to retry',
      'needs-attention': 'Needs attention',
      'needs-new-qr': 'Needs a new account QR',
      submitted: 'Submitted',
      'liveness-pending': 'Face check pending',
      verified: 'Verified',
    },
  },
)
