import { defineMessages } from './define-messages'

/**
 * A step's state by its one name: the queue's chips and their legend, the detail view's steps
 * table and the command line's status report.
 */
export default defineMessages(
  {
    stepState: {
      pending: '等待中',
      running: '进行中',
      done: '已完成',
      failed: '失败，需处理',
      'waiting-retry': '等待自动重试',
      'not-requested': '尚未发起',
      'awaiting-customer': '等待客户完成人脸核验',
    },
  },
  {
    stepState: {
      pending: 'Pending',
      running: 'In progress',
      done: 'Done',
      failed: 'Failed: needs attention',
      'waiting-retry': 'Waiting to retry',
      'not-requested': 'Not started',
      'awaiting-customer': 'Waiting for the customer’s face check',
    },
  },
)
