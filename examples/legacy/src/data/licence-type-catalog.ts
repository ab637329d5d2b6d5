/**
 * Real electronic licence types of a Chinese province's licence library,
 * most important first: a dataset with `licenceTypes: n` uses the first n,
 * so even small test datasets have business licences, ID cards and food
 * business permits. Validity periods, minimum ages and revocation grounds
 * follow the governing regulations closely enough to look right; they are
 * simulation data, not legal advice.
 * @internal
 */
import type { HolderKind } from './types';
import type { DepartmentKey } from './jiangsu-departments';

/** How one licence type is generated. */
export interface LicenceTypeSpec {
  readonly name: string;
  readonly holderKind: HolderKind;
  /** The issuing department. */
  readonly department: DepartmentKey;
  /** Whether the holder's city office issues it (`city`) or the provincial department (`province`). */
  readonly issuedAt: 'city' | 'province';
  /** `null` = no expiry. */
  readonly validityYears: number | null;
  /** Relative frequency in the licence library; 0 = only issued by a dedicated rule (business licences). */
  readonly weight: number;
  /** A holder holds at most one licence of this type. */
  readonly singleton: boolean;
  /** Minimum age of a person holder on the issue date. */
  readonly minAge: number;
  /** Issued within this many days of birth (birth certificates); `null` otherwise. */
  readonly issuedNearBirthDays: number | null;
  /** The earliest issue date that makes sense (`YYYY-MM-DD`): when the licence was introduced. */
  readonly introducedOn: string;
  /** Grounds for revocation (`吊销：…`); empty when this type is never revoked. */
  readonly revocationReasons: readonly string[];
}

const base = {
  issuedAt: 'city',
  validityYears: null,
  weight: 1,
  singleton: false,
  minAge: 0,
  issuedNearBirthDays: null,
  introducedOn: '1990-01-01',
  revocationReasons: [],
} as const;

/** Name of the business licence type, which every enterprise holds from its establishment. */
export const BUSINESS_LICENCE = '营业执照';

/** The licence types, in the order a dataset takes them. */
export const LICENCE_TYPE_CATALOG: readonly LicenceTypeSpec[] = [
  { ...base, name: BUSINESS_LICENCE, holderKind: 'enterprise', department: 'market', weight: 0, singleton: true },
  { ...base, name: '居民身份证', holderKind: 'person', department: 'police', validityYears: 20, weight: 10, singleton: true, minAge: 16 },
  {
    ...base, name: '食品经营许可证', holderKind: 'enterprise', department: 'market', validityYears: 5, weight: 8, introducedOn: '2015-10-01',
    revocationReasons: ['吊销：违反食品安全法第一百二十六条', '吊销：违反食品安全法第一百二十二条', '吊销：违反食品安全法第一百三十四条'],
  },
  {
    ...base, name: '机动车驾驶证', holderKind: 'person', department: 'trafficPolice', validityYears: 10, weight: 8, singleton: true, minAge: 18,
    revocationReasons: ['吊销：醉酒驾驶机动车（道路交通安全法第九十一条）', '吊销：饮酒后驾驶营运机动车（道路交通安全法第九十一条）', '吊销：造成交通事故后逃逸（道路交通安全法第一百零一条）'],
  },
  { ...base, name: '结婚证', holderKind: 'person', department: 'civilAffairs', weight: 5, singleton: true, minAge: 22 },
  { ...base, name: '不动产权证书', holderKind: 'person', department: 'naturalResources', weight: 7, minAge: 18, introducedOn: '2015-03-01' },
  {
    ...base, name: '道路运输经营许可证', holderKind: 'enterprise', department: 'transport', validityYears: 4, weight: 3,
    revocationReasons: ['吊销：未按规定维护和检测运输车辆（道路运输条例第七十条）', '吊销：超越许可事项从事道路运输经营（道路运输条例第六十三条）'],
  },
  { ...base, name: '职业资格证书', holderKind: 'person', department: 'humanResources', weight: 5, minAge: 18 },
  {
    ...base, name: '药品经营许可证', holderKind: 'enterprise', department: 'drugs', validityYears: 5, weight: 2,
    revocationReasons: ['吊销：违反药品管理法第一百二十六条', '吊销：违反药品管理法第一百二十三条'],
  },
  { ...base, name: '社会保障卡', holderKind: 'person', department: 'humanResources', validityYears: 10, weight: 8, singleton: true, introducedOn: '2000-01-01' },
  {
    ...base, name: '食品生产许可证', holderKind: 'enterprise', department: 'market', validityYears: 5, weight: 2, introducedOn: '2015-10-01',
    revocationReasons: ['吊销：违反食品安全法第一百二十三条', '吊销：违反食品安全法第一百二十四条'],
  },
  { ...base, name: '出生医学证明', holderKind: 'person', department: 'health', weight: 3, singleton: true, issuedNearBirthDays: 30, introducedOn: '1996-01-01' },
  { ...base, name: '建筑业企业资质证书', holderKind: 'enterprise', department: 'construction', validityYears: 5, weight: 2 },
  { ...base, name: '医师执业证书', holderKind: 'person', department: 'health', weight: 1, minAge: 24, revocationReasons: ['吊销：违反医师法第五十五条'] },
  {
    ...base, name: '安全生产许可证', issuedAt: 'province', holderKind: 'enterprise', department: 'emergency', validityYears: 3, weight: 2, introducedOn: '2004-01-13',
    revocationReasons: ['吊销：发生重大生产安全事故（安全生产许可证条例第二十条）'],
  },
  { ...base, name: '教师资格证书', holderKind: 'person', department: 'education', weight: 2, minAge: 20 },
  { ...base, name: '排污许可证', holderKind: 'enterprise', department: 'ecology', validityYears: 5, weight: 2, introducedOn: '2017-01-01', revocationReasons: ['吊销：违反排污许可管理条例第三十三条'] },
  { ...base, name: '护士执业证书', holderKind: 'person', department: 'health', validityYears: 5, weight: 1, minAge: 20 },
  { ...base, name: '公共场所卫生许可证', holderKind: 'enterprise', department: 'health', validityYears: 4, weight: 4, revocationReasons: ['吊销：违反公共场所卫生管理条例第十四条'] },
  { ...base, name: '居住证', holderKind: 'person', department: 'police', validityYears: 1, weight: 3, minAge: 16, introducedOn: '2016-01-01' },
  { ...base, name: '危险化学品经营许可证', holderKind: 'enterprise', department: 'emergency', validityYears: 3, weight: 1, revocationReasons: ['吊销：违反危险化学品安全管理条例第八十四条'] },
  { ...base, name: '残疾人证', holderKind: 'person', department: 'disabledPersons', validityYears: 10, weight: 1, singleton: true },
  { ...base, name: '医疗器械经营许可证', holderKind: 'enterprise', department: 'market', validityYears: 5, weight: 1, revocationReasons: ['吊销：违反医疗器械监督管理条例第八十六条'] },
  { ...base, name: '特种作业操作证', holderKind: 'person', department: 'emergency', validityYears: 6, weight: 2, minAge: 18 },
  { ...base, name: '建筑工程施工许可证', holderKind: 'enterprise', department: 'construction', weight: 2 },
  { ...base, name: '道路运输从业人员从业资格证', holderKind: 'person', department: 'transport', validityYears: 6, weight: 2, minAge: 18 },
  { ...base, name: '医疗机构执业许可证', holderKind: 'enterprise', department: 'health', validityYears: 5, weight: 1, revocationReasons: ['吊销：违反医疗机构管理条例第四十七条'] },
  { ...base, name: '律师执业证', issuedAt: 'province', holderKind: 'person', department: 'justice', weight: 0.3, minAge: 22, revocationReasons: ['吊销：违反律师法第四十九条'] },
  { ...base, name: '劳务派遣经营许可证', holderKind: 'enterprise', department: 'humanResources', validityYears: 3, weight: 1, introducedOn: '2013-07-01' },
  { ...base, name: '老年人优待证', holderKind: 'person', department: 'civilAffairs', weight: 2, singleton: true, minAge: 60 },
  { ...base, name: '人力资源服务许可证', holderKind: 'enterprise', department: 'humanResources', weight: 1, introducedOn: '2018-10-01' },
  { ...base, name: '二级建造师注册证书', issuedAt: 'province', holderKind: 'person', department: 'construction', validityYears: 3, weight: 1, minAge: 22 },
  { ...base, name: '出版物经营许可证', holderKind: 'enterprise', department: 'press', validityYears: 6, weight: 1 },
  { ...base, name: '退役军人优待证', holderKind: 'person', department: 'veterans', weight: 1, singleton: true, minAge: 20, introducedOn: '2022-01-01' },
  { ...base, name: '娱乐经营许可证', holderKind: 'enterprise', department: 'culture', weight: 1, revocationReasons: ['吊销：违反娱乐场所管理条例第四十三条'] },
  { ...base, name: '独生子女父母光荣证', holderKind: 'person', department: 'health', weight: 1, singleton: true, minAge: 20 },
  { ...base, name: '网络文化经营许可证', issuedAt: 'province', holderKind: 'enterprise', department: 'culture', validityYears: 3, weight: 1 },
  { ...base, name: '离婚证', holderKind: 'person', department: 'civilAffairs', weight: 1, minAge: 22 },
  {
    ...base, name: '烟草专卖零售许可证', holderKind: 'enterprise', department: 'tobacco', validityYears: 5, weight: 3,
    revocationReasons: ['吊销：违反烟草专卖法实施条例第五十七条'],
  },
  { ...base, name: '普通话水平测试等级证书', issuedAt: 'province', holderKind: 'person', department: 'language', weight: 2, minAge: 12 },
  { ...base, name: '取水许可证', holderKind: 'enterprise', department: 'water', validityYears: 5, weight: 1 },
  { ...base, name: '无偿献血证', holderKind: 'person', department: 'health', weight: 2, minAge: 18 },
  { ...base, name: '建设工程规划许可证', holderKind: 'enterprise', department: 'naturalResources', weight: 1 },
  { ...base, name: '普通护照', issuedAt: 'province', holderKind: 'person', department: 'immigration', validityYears: 10, weight: 2 },
  { ...base, name: '城镇污水排入排水管网许可证', holderKind: 'enterprise', department: 'water', validityYears: 5, weight: 1, introducedOn: '2015-03-01' },
  { ...base, name: '执业药师注册证', issuedAt: 'province', holderKind: 'person', department: 'drugs', validityYears: 5, weight: 0.5, minAge: 22 },
  { ...base, name: '特种设备使用登记证', holderKind: 'enterprise', department: 'market', weight: 2 },
  { ...base, name: '机动车行驶证', holderKind: 'person', department: 'trafficPolice', weight: 5, minAge: 18 },
  { ...base, name: '公众聚集场所投入使用营业前消防安全检查合格证', holderKind: 'enterprise', department: 'fireRescue', weight: 1, introducedOn: '2009-05-01' },
  { ...base, name: '旅行社业务经营许可证', issuedAt: 'province', holderKind: 'enterprise', department: 'culture', weight: 0.5 },
  { ...base, name: '辐射安全许可证', issuedAt: 'province', holderKind: 'enterprise', department: 'ecology', validityYears: 5, weight: 0.5, introducedOn: '2006-03-01' },
  { ...base, name: '居民户口簿', holderKind: 'person', department: 'police', weight: 4, singleton: true },
  { ...base, name: '导游证', issuedAt: 'province', holderKind: 'person', department: 'culture', validityYears: 3, weight: 0.5, minAge: 18 },
  { ...base, name: '民办学校办学许可证', holderKind: 'enterprise', department: 'education', validityYears: 5, weight: 0.5, introducedOn: '2003-09-01' },
];
