import { defineMessages } from './define-messages'

/**
 * The one name of each thing the operator fills in, wherever it is named: the capture and edit
 * forms, the chip read, the platform record, an identity or account-binding issue, a manifest
 * column. `idNumber` is the Resident ID number by its own name, as the card and its rules say it.
 */
export default defineMessages(
  {
    field: {
      country: '国家/地区',
      surname: '姓',
      givenName: '名',
      name: '姓名',
      documentType: '证件类型',
      documentNumber: '证件号码',
      idNumber: '身份证号码',
      birthday: '出生日期',
      gender: '性别',
      chineseMainland: '中国大陆证件',
      issueDate: '签发日期',
      validity: '有效期',
      expiryDate: '有效期截止日期',
      longTerm: '长期有效',
      mrz: '机读区（MRZ）',
      uid: '平台用户 ID',
      token: '令牌',
      binding: '账户绑定',
      front: '证件正面',
      back: '证件背面',
      hand: '手持证件照',
    },
  },
  {
    field: {
      country: 'Country/region',
      surname: 'Surname',
      givenName: 'Given name',
      name: 'Name',
      documentType: 'Document type',
      documentNumber: 'Document number',
      idNumber: 'ID number',
      birthday: 'Date of birth',
      gender: 'Gender',
      chineseMainland: 'Chinese mainland document',
      issueDate: 'Issue date',
      validity: 'Validity',
      expiryDate: 'Expiry date',
      longTerm: 'Long-term',
      mrz: 'MRZ',
      uid: 'Platform uid',
      token: 'Token',
      binding: 'Account binding',
      front: 'Document front',
      back: 'Document back',
      hand: 'Hand-held photo',
    },
  },
)
