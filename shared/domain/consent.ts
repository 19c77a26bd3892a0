/**
 * The consent a walk-in customer gives at the counter before their sensitive personal information
 * (identity document, face images) is processed (PIPL Art. 29: separate consent). The version names
 * the wording below; an applicant records the version it was captured under, so a changed wording
 * gets a new version and old applicants keep theirs.
 */
export const consentTextVersion = 'pipl-sensitive-2025-01'

export const consentText = {
  'zh-CN':
    '客户已阅读并同意：本行为完成身份核验，处理其身份证件信息及证件照片、手持证件照等敏感个人信息，并将其提交至核验平台。',
  en: 'The customer has read and agreed that the bank processes their identity document data and images (document photos and a hand-held photo), which are sensitive personal information, and submits them to the verification platform to verify their identity.',
} as const
