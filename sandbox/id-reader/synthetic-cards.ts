import { checkCharacter } from '../platform/gb11643'

/**
 * Made-up cards for the reader emulator, one per case the capture screen must handle. Numbers get
 * their check character from the sandbox's own GB 11643 reading, so they are valid. No real person:
 * the addresses are generic, and the photos are generated placeholders (sample-photo.ts).
 */
export type SyntheticCardKind = 'resident' | 'hmt-permit' | 'foreign-2017' | 'foreign-2023'

export interface SyntheticCard {
  readonly id: string
  readonly kind: SyntheticCardKind
  readonly nameZh: string
  readonly nameEn: string
  /** GB/T 2261.1: 1 male, 2 female. */
  readonly sex: '1' | '2'
  /** GB 3304 code and name (resident cards). */
  readonly ethnicity: { readonly code: string; readonly name: string } | null
  readonly nationality: string
  readonly birth: string
  readonly number: string
  readonly address: string
  readonly authority: string
  readonly validFrom: string
  /** `YYYYMMDD` or the literal 长期. */
  readonly validTo: string
  readonly passNumber: string
  readonly issueCount: string
}

const withCheck = (first17: string) => `${first17}${checkCharacter(first17)}`
// Validity spans follow the resident card law (5/10/20 years or long-term by age at issue), so only
// the expired card trips a date rule.
const han = { code: '01', name: '汉' }

function resident(card: Partial<SyntheticCard> & Pick<SyntheticCard, 'id' | 'nameZh' | 'sex' | 'birth' | 'number' | 'validFrom' | 'validTo'>): SyntheticCard {
  return {
    kind: 'resident', nameEn: '', ethnicity: han, nationality: '', address: '', authority: '', passNumber: '', issueCount: '', ...card,
  }
}

export const syntheticCards: readonly SyntheticCard[] = [
  resident({
    id: 'compound-ouyang', nameZh: '欧阳娜娜', sex: '2', birth: '19950308', number: withCheck('11010119950308002'),
    address: '北京市东城区样本街道1号', authority: '北京市公安局东城分局', validFrom: '20210310', validTo: '20410310',
  }),
  resident({
    id: 'compound-sima', nameZh: '司马相如', sex: '1', birth: '19880412', number: withCheck('51010519880412001'),
    address: '四川省成都市青羊区样本路2号', authority: '成都市公安局青羊区分局', validFrom: '20180501', validTo: '20380501',
  }),
  resident({
    id: 'middle-dot', nameZh: '阿依古丽·买买提', sex: '2', birth: '19920716', number: withCheck('65010219920716002'),
    ethnicity: { code: '05', name: '维吾尔' }, address: '新疆乌鲁木齐市天山区样本巷3号', authority: '乌鲁木齐市公安局天山区分局',
    validFrom: '20180801', validTo: '20380801',
  }),
  resident({
    id: 'long-term', nameZh: '王建国', sex: '1', birth: '19580101', number: withCheck('37010219580101003'),
    address: '山东省济南市历下区样本街4号', authority: '济南市公安局历下区分局', validFrom: '20080601', validTo: '长期',
  }),
  resident({
    id: 'expired', nameZh: '李明', sex: '1', birth: '19850620', number: withCheck('44010619850620005'),
    address: '广东省广州市天河区样本路5号', authority: '广州市公安局天河区分局', validFrom: '20030701', validTo: '20130701',
  }),
  // Born in 2018: under 16 until 2034, when this card needs a newer birth year.
  resident({
    id: 'under-16', nameZh: '张小雨', sex: '2', birth: '20180925', number: withCheck('32010220180925004'),
    address: '江苏省南京市玄武区样本街6号', authority: '南京市公安局玄武分局', validFrom: '20240110', validTo: '20290110',
  }),
  {
    id: 'permit-hong-kong', kind: 'hmt-permit', nameZh: '陈家明', nameEn: '', sex: '1', ethnicity: null, nationality: '',
    birth: '19800815', number: withCheck('81000019800815001'), address: '广东省深圳市福田区样本路7号', authority: '深圳市公安局',
    validFrom: '20220301', validTo: '20270301', passNumber: 'H01234567', issueCount: '01',
  },
  {
    id: 'permit-macau', kind: 'hmt-permit', nameZh: '何嘉欣', nameEn: '', sex: '2', ethnicity: null, nationality: '',
    birth: '19900202', number: withCheck('82000019900202002'), address: '广东省珠海市香洲区样本街8号', authority: '珠海市公安局',
    validFrom: '20230615', validTo: '20280615', passNumber: 'M12345678', issueCount: '02',
  },
  {
    id: 'permit-taiwan', kind: 'hmt-permit', nameZh: '林志豪', nameEn: '', sex: '1', ethnicity: null, nationality: '',
    birth: '19750530', number: withCheck('83000019750530003'), address: '福建省厦门市思明区样本路9号', authority: '厦门市公安局',
    validFrom: '20250901', validTo: '20300901', passNumber: '12345678', issueCount: '01',
  },
  {
    id: 'foreign-2017', kind: 'foreign-2017', nameZh: '史密斯', nameEn: 'SMITH, JOHN WILLIAM', sex: '1', ethnicity: null,
    nationality: 'USA', birth: '19850315', number: 'USA118503150017', address: '', authority: '1500',
    validFrom: '20180101', validTo: '20280101', passNumber: '', issueCount: '',
  },
  {
    id: 'foreign-2023', kind: 'foreign-2023', nameZh: '玛丽亚', nameEn: 'GARCIA LOPEZ, MARIA FERNANDA ALEJANDRA ROSA', sex: '2', ethnicity: null,
    nationality: 'ESP', birth: '19920704', number: withCheck('91172419920704002'), address: '', authority: '',
    validFrom: '20240101', validTo: '20340101', passNumber: '', issueCount: '00',
  },
]

export function findSyntheticCard(id: string): SyntheticCard | undefined {
  return syntheticCards.find((card) => card.id === id)
}
