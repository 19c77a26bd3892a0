import { defineMessages } from '../define-messages'

export default defineMessages(
  {
    session: {
      firstRunTitle: '首次使用：创建柜员',
      firstRunHint: '本机还没有柜员。请创建第一个柜员账号，之后每次使用都需要用 PIN 登录。',
      name: '柜员姓名',
      pin: 'PIN（6–12 位数字）',
      pinAgain: '再次输入 PIN',
      pinMismatch: '两次输入的 PIN 不一致',
      create: '创建并登录',
      signInTitle: '柜员登录',
      operator: '柜员',
      signIn: '登录',
      signOut: '退出登录',
      lockedIdle: '长时间无操作，已自动锁定。请重新登录。',
      signedInAs: '当前柜员：{name}',
    },
  },
  {
    session: {
      firstRunTitle: 'First run: create an operator',
      firstRunHint: 'No operator exists on this machine yet. Create the first operator; from then on everyone signs in with a PIN.',
      name: 'Operator name',
      pin: 'PIN (6–12 digits)',
      pinAgain: 'PIN again',
      pinMismatch: 'The two PINs differ',
      create: 'Create and sign in',
      signInTitle: 'Operator sign-in',
      operator: 'Operator',
      signIn: 'Sign in',
      signOut: 'Sign out',
      lockedIdle: 'Locked after a period without activity. Sign in again.',
      signedInAs: 'Operator: {name}',
    },
  },
)
