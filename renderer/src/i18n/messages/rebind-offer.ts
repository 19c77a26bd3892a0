import { defineMessages } from '../define-messages'

// The capture screen's offer to re-bind an applicant waiting for this customer's new account QR.
export default defineMessages(
  {
    rebindOffer: {
      waiting: '申请人 {reference} 正在等待该客户的新账户二维码——可将其重新绑定',
      rebind: '重新绑定 {reference}',
      newCapture: '不，继续新的采集',
      done: '已将新的账户二维码绑定到申请人 {reference}，它已重新排队同步。',
      open: '查看详情',
    },
  },
  {
    rebindOffer: {
      waiting: "Applicant {reference} is waiting for this customer's new account QR — re-bind it",
      rebind: 'Re-bind {reference}',
      newCapture: 'No, go on with a new capture',
      done: 'The new account QR was bound to applicant {reference}; it is queued to sync again.',
      open: 'Open its details',
    },
  },
)
