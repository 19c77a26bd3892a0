import { defineMessages } from './define-messages'

/**
 * The identity rules' issues (`identityIssue.<code>`, the code's dots being the table's levels),
 * each after its field's name (`list.labelled`), and the words their values are shown in
 * (`identityWord.*`): genders, check digits, MRZ fields, chip cards. Worded by
 * shared/i18n/issue-words.ts for the screens and the command line alike.
 */
export default defineMessages(
  {
    identityIssue: {
      required: '必填',
      'too-long': '过长：{length} 个字符，最多 {max} 个',
      'not-normalized': '应写为“{suggested}”',
      date: {
        format: '“{value}”不是 YYYY-MM-DD 格式的日期',
        impossible: '{value} 不是真实存在的日期',
        future: '{value} 晚于今天（{today}）',
      },
      country: {
        unknown: '“{value}”不是 ISO 3166-1 三字母国家/地区代码',
        'not-mainland': '中国大陆证件的国家/地区应为 {mainland}，而不是 {country}',
      },
      'chinese-mainland': { likely: 'CHN 签发的身份证即大陆居民身份证，请标记为中国大陆证件' },
      name: {
        'invalid-characters': "不能包含{characters}；只能使用汉字、拉丁字母、空格、连字符（-）、间隔号（·）或撇号（'）",
        'separator-position': '空格、连字符、间隔号或撇号不能位于开头或结尾，也不能连续出现',
        'mixed-scripts': '同时包含汉字和拉丁字母，请核对是否与证件一致',
      },
      uid: {
        format: '应为 1 到 19 位数字，且不能以 0 开头',
        'out-of-range': '超出平台用户 ID 的最大值（9223372036854775807）',
      },
      'document-number': {
        format: {
          passport: '护照号码应为 5 到 15 位字母（A-Z）和数字',
          'id-card': '身份证件号码应为 4 到 32 位字母（A-Z）、数字、括号、连字符或斜杠',
        },
        'unusual-cn-passport': '不像中国护照号码（共 9 位：1 或 2 个字母加数字，如 E12345678），请核对',
      },
      'cn-id': {
        'legacy-15-digit': '15 位号码属于第一代身份证，已不是有效证件；请出示现行的 18 位身份证',
        length: '有 {length} 位，应为 18 位',
        characters: '应为 17 位数字加 1 位数字或 X',
        region: '前两位（{code}）不是省级行政区划代码',
        'residence-permit': '这是{region}居民居住证的号码，不是大陆居民身份证',
        'birth-date-invalid': '第 7 至 14 位（{digits}）不是真实的出生日期',
        'birth-date-future': '其中的出生日期（{birthday}）晚于今天（{today}）',
        'check-character': '校验位应为 {expected}，而不是 {actual}；如证件上确为 {actual}，则是其他数字输错了',
      },
      birthday: {
        'mismatch-id-number': '身份证号码显示为 {fromIdNumber}，而不是 {entered}',
        'implausible-age': '申请人将为 {age} 岁，请核对',
      },
      gender: { 'mismatch-id-number': '身份证号码显示为{fromIdNumber}，而不是{entered}' },
      'issue-date': {
        'before-birth': '{issueDate} 早于出生日期（{birthday}）',
        'first-generation-cn-id': '{issueDate} 签发（早于 2004 年）的是第一代身份证，已于 2013 年停止使用，请核对日期',
      },
      'expiry-date': {
        'not-after-issue': '{expiryDate} 不晚于签发日期（{issueDate}）',
        expired: '证件已于 {expiryDate} 过期（今天是 {today}）',
      },
      validity: {
        'long-term-not-allowed': '护照没有长期有效，请填写有效期截止日期',
        'legal-period-mismatch': '{ageAtIssue} 岁时签发的身份证{expected}，而此证{actual}；请核对证件，或填写原因后确认',
      },
      mrz: {
        'unrecognized-format': '{lineLengths}，不符合任何机读区格式；身份证件为 3 行各 30 个字符，护照为 2 行各 44 个字符',
        'unsupported-format': '不支持 TD2 格式（2 行各 36 个字符），请手工录入',
        'invalid-characters': '机读区中不能出现{characters}（只能是 A-Z、0-9 和 <）',
        'check-digit': '{digit}校验位应为 {expected}，而不是 {actual}；机读区读取或输入有误',
        'invalid-field': '{mrzField}字段“{value}”无效',
        'state-not-iso': '{code} 不是 ISO 国家代码（联合国、欧盟、无国籍或难民证件），请手工选择国家/地区',
        mismatch: '机读区为 {fromMrz}，而不是 {entered}',
        'name-mismatch': '机读区为 {fromMrz}，而不是 {entered}；请核对拼写',
      },
      chip: {
        'card-not-accepted': '{card}已读取，但平台不接受此类证件作为居民身份证提交；请改用护照或港澳台居民身份证件办理',
        'permit-number': {
          format: '{card}号码格式不正确',
          'check-character': '{card}号码校验位不正确',
          'birth-date': '{card}号码中的出生日期与芯片不一致',
        },
        edited: '芯片读取的值为“{chipValue}”，修改芯片信息需填写原因',
        'split-unconfirmed': '请先确认姓名拆分（姓“{surname}”，名“{givenName}”）再加入队列',
      },
    },
    identityWord: {
      quoted: '“{text}”',
      country: '{code}（{name}）',
      gender: { male: '男', female: '女' },
      documentType: { passport: '护照', id_card: '身份证件' },
      longTerm: '长期',
      expected: { 'long-term': '应为长期有效', years: '有效期应为 {years} 年，至 {expiryDate}' },
      actual: { 'long-term': '为长期有效', until: '至 {expiryDate}' },
      lineLengths: { none: '没有内容', some: '各行长度为 {lengths} 个字符' },
      permitRegion: { HKG: '香港', MAC: '澳门', TWN: '台湾' },
      checkDigit: {
        'document-number': '证件号码',
        'birth-date': '出生日期',
        'expiry-date': '有效期',
        'personal-number': '个人号码',
        composite: '综合',
      },
      mrzField: {
        'document-code': '证件类型代码',
        'issuing-state': '签发国',
        'document-number': '证件号码',
        nationality: '国籍',
        'birth-date': '出生日期',
        sex: '性别',
        'expiry-date': '有效期',
        names: '姓名',
        'optional-data': '可选数据',
      },
      chipCard: {
        resident: '居民身份证',
        'hmt-permit': '港澳台居民居住证',
        'foreign-2017': '外国人永久居留身份证（2017 版）',
        'foreign-2023': '外国人永久居留身份证（2023 版）',
      },
    },
  },
  {
    identityIssue: {
      required: 'required',
      'too-long': 'too long: {length} characters, at most {max}',
      'not-normalized': 'write it as “{suggested}”',
      date: {
        format: '“{value}” is not a date in the form YYYY-MM-DD',
        impossible: '{value} is not a real date',
        future: '{value} is in the future (today is {today})',
      },
      country: {
        unknown: '“{value}” is not an ISO 3166-1 alpha-3 country code',
        'not-mainland': 'a Chinese mainland document is from {mainland}, not {country}',
      },
      'chinese-mainland': { likely: 'an identity card from CHN is a mainland resident ID card; mark it as a Chinese mainland document' },
      name: {
        'invalid-characters': "{characters} not allowed; use Chinese characters, Latin letters, spaces, hyphens (-), middle dots (·) or apostrophes (')",
        'separator-position': 'a space, hyphen, middle dot or apostrophe cannot start or end the name, nor follow another one',
        'mixed-scripts': 'mixes Chinese characters and Latin letters; check it is written as on the document',
      },
      uid: {
        format: 'must be 1 to 19 digits, not starting with 0',
        'out-of-range': 'larger than any platform uid can be (9223372036854775807)',
      },
      'document-number': {
        format: {
          passport: 'a passport number is 5 to 15 letters (A-Z) and digits',
          'id-card': 'an identity card number is 4 to 32 letters (A-Z), digits, brackets, hyphens or slashes',
        },
        'unusual-cn-passport': 'does not look like a Chinese passport number (9 characters: 1 or 2 letters, then digits, e.g. E12345678); check it',
      },
      'cn-id': {
        'legacy-15-digit': 'a 15-digit number belongs to a first-generation card, no longer a valid document; ask for the current 18-digit card',
        length: 'has {length} characters, needs 18',
        characters: 'must be 17 digits followed by a digit or X',
        region: 'the first two digits ({code}) are not a province code',
        'residence-permit': 'this is the number of a residence permit for {region} residents, not a mainland resident ID card',
        'birth-date-invalid': 'digits 7 to 14 ({digits}) are not a real date of birth',
        'birth-date-future': 'the date of birth in it ({birthday}) is in the future (today is {today})',
        'check-character': 'check character should be {expected}, not {actual} — if the card shows {actual}, another digit is mistyped',
      },
      birthday: {
        'mismatch-id-number': 'the ID number says {fromIdNumber}, not {entered}',
        'implausible-age': 'would make the applicant {age} years old; check it',
      },
      gender: { 'mismatch-id-number': 'the ID number says {fromIdNumber}, not {entered}' },
      'issue-date': {
        'before-birth': '{issueDate} is before the date of birth ({birthday})',
        'first-generation-cn-id': 'a card issued on {issueDate}, before 2004, is a first-generation card, invalid since 2013; check the date',
      },
      'expiry-date': {
        'not-after-issue': '{expiryDate} is not after the issue date ({issueDate})',
        expired: 'the document expired on {expiryDate} (today is {today})',
      },
      validity: {
        'long-term-not-allowed': 'a passport is never long-term; enter its expiry date',
        'legal-period-mismatch': 'a card issued at age {ageAtIssue} {expected}, but this one {actual}; check the card, or confirm with a reason',
      },
      mrz: {
        'unrecognized-format': '{lineLengths} match no MRZ format; an identity card has 3 lines of 30, a passport 2 lines of 44',
        'unsupported-format': 'the TD2 format (2 lines of 36) is not supported; enter the data by hand',
        'invalid-characters': '{characters} cannot appear in an MRZ (only A-Z, 0-9 and <)',
        'check-digit': '{digit} check digit should be {expected}, not {actual}; the MRZ was misread or mistyped',
        'invalid-field': 'the {mrzField} field “{value}” is not valid',
        'state-not-iso': '{code} is not an ISO country code (a UN, EU, stateless or refugee document); choose the country by hand',
        mismatch: 'the MRZ says {fromMrz}, not {entered}',
        'name-mismatch': 'the MRZ says {fromMrz}, not {entered}; check the spelling',
      },
      chip: {
        'card-not-accepted':
          "the {card} was read, but the platform does not take this card as a resident identity card; use a passport or the holder's Hong Kong, Macau or Taiwan identity document",
        'permit-number': {
          format: 'the {card} number is not in the right format',
          'check-character': 'the {card} number has a wrong check character',
          'birth-date': 'the {card} number does not contain the birth date on the chip',
        },
        edited: 'the chip says “{chipValue}”; changing what the chip says needs a reason',
        'split-unconfirmed': 'confirm where the surname ends (surname “{surname}”, given name “{givenName}”) before queueing',
      },
    },
    identityWord: {
      quoted: '“{text}”',
      country: '{code} ({name})',
      gender: { male: 'male', female: 'female' },
      documentType: { passport: 'passport', id_card: 'identity card' },
      longTerm: 'long-term',
      expected: { 'long-term': 'is long-term', years: 'is valid for {years} years, until {expiryDate}' },
      actual: { 'long-term': 'is long-term', until: 'runs until {expiryDate}' },
      lineLengths: { none: 'no lines', some: 'lines of {lengths} characters' },
      permitRegion: { HKG: 'Hong Kong', MAC: 'Macao', TWN: 'Taiwan' },
      checkDigit: {
        'document-number': 'document number',
        'birth-date': 'birth date',
        'expiry-date': 'expiry date',
        'personal-number': 'personal number',
        composite: 'composite',
      },
      mrzField: {
        'document-code': 'document code',
        'issuing-state': 'issuing state',
        'document-number': 'document number',
        nationality: 'nationality',
        'birth-date': 'birth date',
        sex: 'sex',
        'expiry-date': 'expiry date',
        names: 'name',
        'optional-data': 'optional data',
      },
      chipCard: {
        resident: 'resident identity card',
        'hmt-permit': 'Hong Kong, Macau and Taiwan residence permit',
        'foreign-2017': "foreigner's permanent residence card (2017)",
        'foreign-2023': "foreigner's permanent residence card (2023)",
      },
    },
  },
)
