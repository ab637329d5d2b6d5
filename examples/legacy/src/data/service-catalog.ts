/**
 * Government service items (政务服务事项) as a province's catalog lists them.
 * The dataset combines each item with the cities (and the province, where
 * the provincial department handles it) and, for licensing items, with the
 * usual variants (new, change, renewal, cancellation) to reach the catalog
 * size; time limits follow the typical statutory ones.
 * @internal
 */
import type { HolderKind } from './types';
import type { DepartmentKey } from './jiangsu-departments';

/** The item kinds of the catalog, with the two letters used in item codes. */
export const SERVICE_KINDS = {
  行政许可: 'XK',
  行政确认: 'QR',
  行政给付: 'JF',
  公共服务: 'GG',
  其他行政权力: 'QT',
} as const;

/** An item kind, e.g. `行政许可`. */
export type ServiceKind = keyof typeof SERVICE_KINDS;

/** One item of the base catalog. */
export interface ServiceSpec {
  readonly name: string;
  readonly kind: ServiceKind;
  readonly department: DepartmentKey;
  /** Who applies: the licences it results in are issued to the applicant. */
  readonly applicantKind: HolderKind;
  /** Licence types (by name) a completed case issues to the applicant: 0–2. */
  readonly resultLicenceTypes: readonly string[];
  /** Statutory time limit in working days. */
  readonly legalDays: number;
  /** Lowest and highest online-handling depth seen for this item across cities. */
  readonly depth: readonly [1 | 2 | 3 | 4, 1 | 2 | 3 | 4];
  /** Handled by city offices, the provincial department, or both. */
  readonly levels: readonly ('city' | 'province')[];
  /** Minimum age of a person applicant. */
  readonly minAge: number;
}

/**
 * Variants of a licensing item: `suffix` is appended to the name; only new
 * and renewal applications issue a licence.
 */
export const LICENSING_VARIANTS: readonly { readonly suffix: string; readonly issuesLicence: boolean }[] = [
  { suffix: '', issuesLicence: true },
  { suffix: '（变更）', issuesLicence: false },
  { suffix: '（延续）', issuesLicence: true },
  { suffix: '（注销）', issuesLicence: false },
];

const city = ['city'] as const;
const both = ['city', 'province'] as const;
const province = ['province'] as const;

/** The base catalog. */
export const SERVICE_CATALOG: readonly ServiceSpec[] = [
  { name: '营业执照设立登记', kind: '行政许可', department: 'market', applicantKind: 'person', resultLicenceTypes: [], legalDays: 15, depth: [3, 4], levels: city, minAge: 18 },
  { name: '个体工商户设立登记', kind: '行政许可', department: 'market', applicantKind: 'person', resultLicenceTypes: [], legalDays: 15, depth: [3, 4], levels: city, minAge: 18 },
  { name: '营业执照变更登记', kind: '行政许可', department: 'market', applicantKind: 'enterprise', resultLicenceTypes: [], legalDays: 15, depth: [3, 4], levels: both, minAge: 0 },
  { name: '企业注销登记', kind: '行政许可', department: 'market', applicantKind: 'enterprise', resultLicenceTypes: [], legalDays: 20, depth: [3, 4], levels: both, minAge: 0 },
  { name: '食品经营许可', kind: '行政许可', department: 'market', applicantKind: 'enterprise', resultLicenceTypes: ['食品经营许可证'], legalDays: 20, depth: [3, 4], levels: city, minAge: 0 },
  { name: '食品生产许可', kind: '行政许可', department: 'market', applicantKind: 'enterprise', resultLicenceTypes: ['食品生产许可证'], legalDays: 20, depth: [2, 4], levels: both, minAge: 0 },
  { name: '开办餐饮店一件事', kind: '行政许可', department: 'market', applicantKind: 'enterprise', resultLicenceTypes: ['食品经营许可证', '公共场所卫生许可证'], legalDays: 20, depth: [3, 4], levels: city, minAge: 0 },
  { name: '道路货物运输经营许可', kind: '行政许可', department: 'transport', applicantKind: 'enterprise', resultLicenceTypes: ['道路运输经营许可证'], legalDays: 20, depth: [2, 4], levels: city, minAge: 0 },
  { name: '药品零售企业经营许可', kind: '行政许可', department: 'drugs', applicantKind: 'enterprise', resultLicenceTypes: ['药品经营许可证'], legalDays: 30, depth: [2, 4], levels: city, minAge: 0 },
  { name: '第三类医疗器械经营许可', kind: '行政许可', department: 'market', applicantKind: 'enterprise', resultLicenceTypes: ['医疗器械经营许可证'], legalDays: 20, depth: [2, 4], levels: city, minAge: 0 },
  { name: '建筑工程施工许可', kind: '行政许可', department: 'construction', applicantKind: 'enterprise', resultLicenceTypes: ['建筑工程施工许可证'], legalDays: 7, depth: [3, 4], levels: city, minAge: 0 },
  { name: '建筑业企业资质核准', kind: '行政许可', department: 'construction', applicantKind: 'enterprise', resultLicenceTypes: ['建筑业企业资质证书'], legalDays: 20, depth: [3, 4], levels: both, minAge: 0 },
  { name: '安全生产许可', kind: '行政许可', department: 'emergency', applicantKind: 'enterprise', resultLicenceTypes: ['安全生产许可证'], legalDays: 45, depth: [2, 3], levels: province, minAge: 0 },
  { name: '排污许可', kind: '行政许可', department: 'ecology', applicantKind: 'enterprise', resultLicenceTypes: ['排污许可证'], legalDays: 20, depth: [2, 4], levels: city, minAge: 0 },
  { name: '危险化学品经营许可', kind: '行政许可', department: 'emergency', applicantKind: 'enterprise', resultLicenceTypes: ['危险化学品经营许可证'], legalDays: 30, depth: [2, 3], levels: city, minAge: 0 },
  { name: '公共场所卫生许可', kind: '行政许可', department: 'health', applicantKind: 'enterprise', resultLicenceTypes: ['公共场所卫生许可证'], legalDays: 20, depth: [3, 4], levels: city, minAge: 0 },
  { name: '医疗机构执业登记', kind: '行政许可', department: 'health', applicantKind: 'enterprise', resultLicenceTypes: ['医疗机构执业许可证'], legalDays: 45, depth: [2, 3], levels: both, minAge: 0 },
  { name: '劳务派遣经营许可', kind: '行政许可', department: 'humanResources', applicantKind: 'enterprise', resultLicenceTypes: ['劳务派遣经营许可证'], legalDays: 20, depth: [3, 4], levels: city, minAge: 0 },
  { name: '人力资源服务许可', kind: '行政许可', department: 'humanResources', applicantKind: 'enterprise', resultLicenceTypes: ['人力资源服务许可证'], legalDays: 20, depth: [3, 4], levels: city, minAge: 0 },
  { name: '出版物零售业务经营许可', kind: '行政许可', department: 'press', applicantKind: 'enterprise', resultLicenceTypes: ['出版物经营许可证'], legalDays: 20, depth: [2, 4], levels: city, minAge: 0 },
  { name: '娱乐场所经营许可', kind: '行政许可', department: 'culture', applicantKind: 'enterprise', resultLicenceTypes: ['娱乐经营许可证'], legalDays: 20, depth: [2, 3], levels: city, minAge: 0 },
  { name: '烟草专卖零售许可', kind: '行政许可', department: 'tobacco', applicantKind: 'enterprise', resultLicenceTypes: ['烟草专卖零售许可证'], legalDays: 20, depth: [3, 4], levels: city, minAge: 0 },
  { name: '取水许可', kind: '行政许可', department: 'water', applicantKind: 'enterprise', resultLicenceTypes: ['取水许可证'], legalDays: 45, depth: [2, 3], levels: both, minAge: 0 },
  { name: '建设工程规划许可', kind: '行政许可', department: 'naturalResources', applicantKind: 'enterprise', resultLicenceTypes: ['建设工程规划许可证'], legalDays: 20, depth: [2, 4], levels: city, minAge: 0 },
  { name: '城镇污水排入排水管网许可', kind: '行政许可', department: 'water', applicantKind: 'enterprise', resultLicenceTypes: ['城镇污水排入排水管网许可证'], legalDays: 20, depth: [3, 4], levels: city, minAge: 0 },
  { name: '公众聚集场所投入使用营业前消防安全检查', kind: '行政许可', department: 'fireRescue', applicantKind: 'enterprise', resultLicenceTypes: ['公众聚集场所投入使用营业前消防安全检查合格证'], legalDays: 10, depth: [3, 4], levels: city, minAge: 0 },
  { name: '特种设备使用登记', kind: '行政许可', department: 'market', applicantKind: 'enterprise', resultLicenceTypes: ['特种设备使用登记证'], legalDays: 15, depth: [3, 4], levels: city, minAge: 0 },
  { name: '旅行社业务经营许可', kind: '行政许可', department: 'culture', applicantKind: 'enterprise', resultLicenceTypes: ['旅行社业务经营许可证'], legalDays: 20, depth: [2, 4], levels: province, minAge: 0 },
  { name: '民办学校办学许可', kind: '行政许可', department: 'education', applicantKind: 'enterprise', resultLicenceTypes: ['民办学校办学许可证'], legalDays: 30, depth: [2, 3], levels: city, minAge: 0 },
  { name: '单位住房公积金缴存登记', kind: '公共服务', department: 'housingFund', applicantKind: 'enterprise', resultLicenceTypes: [], legalDays: 5, depth: [3, 4], levels: city, minAge: 0 },
  { name: '企业职工基本养老保险参保登记', kind: '公共服务', department: 'humanResources', applicantKind: 'enterprise', resultLicenceTypes: [], legalDays: 5, depth: [3, 4], levels: city, minAge: 0 },
  { name: '户口迁移', kind: '行政确认', department: 'police', applicantKind: 'person', resultLicenceTypes: [], legalDays: 20, depth: [2, 4], levels: city, minAge: 0 },
  { name: '居民身份证申领', kind: '行政确认', department: 'police', applicantKind: 'person', resultLicenceTypes: ['居民身份证'], legalDays: 60, depth: [2, 3], levels: city, minAge: 16 },
  { name: '居住证办理', kind: '公共服务', department: 'police', applicantKind: 'person', resultLicenceTypes: ['居住证'], legalDays: 15, depth: [3, 4], levels: city, minAge: 16 },
  { name: '机动车驾驶证申领', kind: '行政许可', department: 'trafficPolice', applicantKind: 'person', resultLicenceTypes: ['机动车驾驶证'], legalDays: 10, depth: [2, 3], levels: city, minAge: 18 },
  { name: '机动车注册登记', kind: '行政确认', department: 'trafficPolice', applicantKind: 'person', resultLicenceTypes: ['机动车行驶证'], legalDays: 5, depth: [2, 4], levels: city, minAge: 18 },
  { name: '结婚登记', kind: '行政确认', department: 'civilAffairs', applicantKind: 'person', resultLicenceTypes: ['结婚证'], legalDays: 1, depth: [1, 2], levels: city, minAge: 22 },
  { name: '离婚登记', kind: '行政确认', department: 'civilAffairs', applicantKind: 'person', resultLicenceTypes: ['离婚证'], legalDays: 30, depth: [1, 2], levels: city, minAge: 22 },
  { name: '不动产登记', kind: '行政确认', department: 'naturalResources', applicantKind: 'person', resultLicenceTypes: ['不动产权证书'], legalDays: 30, depth: [3, 4], levels: city, minAge: 18 },
  { name: '二手房转移登记', kind: '行政确认', department: 'naturalResources', applicantKind: 'person', resultLicenceTypes: ['不动产权证书'], legalDays: 30, depth: [3, 4], levels: city, minAge: 18 },
  { name: '不动产抵押登记', kind: '行政确认', department: 'naturalResources', applicantKind: 'person', resultLicenceTypes: [], legalDays: 30, depth: [3, 4], levels: city, minAge: 18 },
  { name: '住房公积金提取', kind: '公共服务', department: 'housingFund', applicantKind: 'person', resultLicenceTypes: [], legalDays: 5, depth: [3, 4], levels: city, minAge: 18 },
  { name: '住房公积金个人住房贷款', kind: '公共服务', department: 'housingFund', applicantKind: 'person', resultLicenceTypes: [], legalDays: 15, depth: [2, 3], levels: city, minAge: 18 },
  { name: '职业资格证书核发', kind: '行政确认', department: 'humanResources', applicantKind: 'person', resultLicenceTypes: ['职业资格证书'], legalDays: 20, depth: [3, 4], levels: both, minAge: 18 },
  { name: '社会保障卡申领', kind: '公共服务', department: 'humanResources', applicantKind: 'person', resultLicenceTypes: ['社会保障卡'], legalDays: 20, depth: [3, 4], levels: city, minAge: 0 },
  { name: '失业保险金申领', kind: '行政给付', department: 'humanResources', applicantKind: 'person', resultLicenceTypes: [], legalDays: 10, depth: [3, 4], levels: city, minAge: 18 },
  { name: '城乡居民基本养老保险参保登记', kind: '公共服务', department: 'humanResources', applicantKind: 'person', resultLicenceTypes: [], legalDays: 5, depth: [3, 4], levels: city, minAge: 16 },
  { name: '基本医疗保险参保登记', kind: '公共服务', department: 'medicalSecurity', applicantKind: 'person', resultLicenceTypes: [], legalDays: 5, depth: [3, 4], levels: city, minAge: 0 },
  { name: '生育津贴申领', kind: '行政给付', department: 'medicalSecurity', applicantKind: 'person', resultLicenceTypes: [], legalDays: 10, depth: [3, 4], levels: city, minAge: 18 },
  { name: '异地就医备案', kind: '公共服务', department: 'medicalSecurity', applicantKind: 'person', resultLicenceTypes: [], legalDays: 3, depth: [4, 4], levels: both, minAge: 0 },
  { name: '医师执业注册', kind: '行政许可', department: 'health', applicantKind: 'person', resultLicenceTypes: ['医师执业证书'], legalDays: 20, depth: [3, 4], levels: city, minAge: 24 },
  { name: '护士执业注册', kind: '行政许可', department: 'health', applicantKind: 'person', resultLicenceTypes: ['护士执业证书'], legalDays: 20, depth: [3, 4], levels: city, minAge: 20 },
  { name: '教师资格认定', kind: '行政许可', department: 'education', applicantKind: 'person', resultLicenceTypes: ['教师资格证书'], legalDays: 60, depth: [3, 4], levels: city, minAge: 20 },
  { name: '残疾人证办理', kind: '行政确认', department: 'disabledPersons', applicantKind: 'person', resultLicenceTypes: ['残疾人证'], legalDays: 30, depth: [2, 3], levels: city, minAge: 0 },
  { name: '老年人优待证办理', kind: '公共服务', department: 'civilAffairs', applicantKind: 'person', resultLicenceTypes: ['老年人优待证'], legalDays: 5, depth: [3, 4], levels: city, minAge: 60 },
  { name: '最低生活保障审批', kind: '行政给付', department: 'civilAffairs', applicantKind: 'person', resultLicenceTypes: [], legalDays: 30, depth: [2, 3], levels: city, minAge: 0 },
  { name: '特种作业操作证申领', kind: '行政许可', department: 'emergency', applicantKind: 'person', resultLicenceTypes: ['特种作业操作证'], legalDays: 20, depth: [2, 4], levels: city, minAge: 18 },
  { name: '道路运输从业人员从业资格证核发', kind: '行政许可', department: 'transport', applicantKind: 'person', resultLicenceTypes: ['道路运输从业人员从业资格证'], legalDays: 10, depth: [3, 4], levels: city, minAge: 18 },
  { name: '律师执业许可', kind: '行政许可', department: 'justice', applicantKind: 'person', resultLicenceTypes: ['律师执业证'], legalDays: 30, depth: [2, 3], levels: province, minAge: 22 },
  { name: '退役军人优待证申领', kind: '公共服务', department: 'veterans', applicantKind: 'person', resultLicenceTypes: ['退役军人优待证'], legalDays: 20, depth: [2, 3], levels: city, minAge: 20 },
  { name: '法律援助申请', kind: '公共服务', department: 'justice', applicantKind: 'person', resultLicenceTypes: [], legalDays: 7, depth: [2, 3], levels: city, minAge: 0 },
  { name: '普通护照签发', kind: '行政许可', department: 'police', applicantKind: 'person', resultLicenceTypes: ['普通护照'], legalDays: 15, depth: [2, 3], levels: city, minAge: 0 },
  { name: '拆除、填埋生活垃圾处理设施核准', kind: '其他行政权力', department: 'construction', applicantKind: 'enterprise', resultLicenceTypes: [], legalDays: 20, depth: [2, 3], levels: city, minAge: 0 },
  { name: '建设项目环境影响报告表审批', kind: '其他行政权力', department: 'ecology', applicantKind: 'enterprise', resultLicenceTypes: [], legalDays: 30, depth: [3, 4], levels: both, minAge: 0 },
];
