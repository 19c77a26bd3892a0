import type { Locale } from '../../../../shared/identity'

/** Why main refused to queue a captured applicant, in the operator's language. */
export const captureMessages = {
  'no-binding': {
    'zh-CN': '尚未绑定客户的平台账户：请扫描客户的绑定二维码或手动输入',
    en: "The customer's platform account is not bound yet: scan their binding QR code or type it",
  },
  'missing-image': {
    'zh-CN': '缺少图片：{slots}',
    en: 'Images missing: {slots}',
  },
  'image-not-overridden': {
    'zh-CN': '图片未通过质量检查，需要重新拍摄或填写保留原因',
    en: 'This image did not pass the quality check: replace it, or keep it with a reason',
  },
  'no-consent': {
    'zh-CN': '客户尚未同意处理其敏感个人信息：请确认并勾选同意',
    en: 'The customer has not consented to the processing of sensitive personal information: confirm and tick the consent box',
  },
  'identity-incomplete': {
    'zh-CN': '身份信息仍有问题，请先修正',
    en: 'The identity data still has problems; fix them first',
  },
  'not-a-draft': {
    'zh-CN': '该申请人已加入队列，不能在采集页面修改；请在申请人详情中编辑',
    en: 'This applicant is already queued and cannot be changed here; edit it in the applicant detail',
  },
  'no-demo-customer': {
    'zh-CN': '没有这个演示客户（仅培训模式提供）',
    en: 'There is no such demo customer (offered in training mode only)',
  },
  'binding-invalid': {
    'zh-CN': '账户绑定无效',
    en: 'The account binding is not valid',
  },
  'cannot-remove': {
    'zh-CN': '该申请人已开始同步，不能删除',
    en: 'This applicant has started syncing and cannot be removed',
  },
} as const satisfies Record<string, Record<Locale, string>>

export type CaptureMessage = keyof typeof captureMessages

export function captureMessage(key: CaptureMessage, locale: Locale, params: Record<string, string> = {}): string {
  return captureMessages[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '')
}

export const slotNames: Record<'front' | 'back' | 'hand', Record<Locale, string>> = {
  front: { 'zh-CN': '证件正面', en: 'document front' },
  back: { 'zh-CN': '证件背面', en: 'document back' },
  hand: { 'zh-CN': '手持证件照', en: 'hand-held photo' },
}
