import { defineMessages } from '../define-messages'

export default defineMessages({ detail: { heading: '申请人详情', back: '返回' } }, { detail: { heading: 'Applicant', back: 'Back' } })
