/**
 * The records of the simulated province: what the five legacy systems hold.
 * One deterministic {@link Dataset} is generated from a seed and each
 * simulator serves its part of it in its own protocol. Field names here are
 * the simulators' internal shape; each protocol has its own wire shape.
 */

/** A natural person in the population registry (人口库). */
export interface PersonRecord {
  /** The registry's internal record id: stable, pseudonymous, not derived from personal data. e.g. `P00004711` */
  readonly id: string;
  /** 18-character resident ID number, valid GB 11643 check digit; birth date and gender digits agree with the record. */
  readonly idNumber: string;
  /** Chinese name, 2–3 characters, e.g. `王小明`. */
  readonly name: string;
  readonly gender: 'M' | 'F';
  /** `YYYY-MM-DD` */
  readonly birthDate: string;
  /** 11-digit mainland mobile number, e.g. `13812345678`. */
  readonly phone: string;
  /** Address in Jiangsu, e.g. `江苏省南京市玄武区中山路18号`. */
  readonly address: string;
}

/** Registration status of a legal person. */
export type EnterpriseStatus = 'active' | 'revoked' | 'cancelled';

/** A legal person in the legal-person registry (法人库). */
export interface EnterpriseRecord {
  /** 18-character unified social credit code, valid GB 32100 check character. */
  readonly creditCode: string;
  readonly name: string;
  /** e.g. `有限责任公司`, `股份有限公司`, `个体工商户`, `农民专业合作社`. */
  readonly kind: string;
  /** ID number of the legal representative, who exists in the population registry. */
  readonly legalRepresentativeIdNumber: string;
  readonly address: string;
  readonly status: EnterpriseStatus;
  /** `YYYY-MM-DD` */
  readonly establishedOn: string;
}

/** A government service item (政务服务事项) of the catalog. */
export interface ServiceRecord {
  /** Item code, e.g. `320100-XK-0012`: unique. */
  readonly code: string;
  readonly name: string;
  /** The department that handles it, e.g. `南京市市场监督管理局`. */
  readonly department: string;
  /** Item kind, e.g. `行政许可`, `公共服务`, `行政确认`. */
  readonly kind: string;
  /** Online-handling depth 1 (information only) … 4 (fully online, 全程网办). */
  readonly onlineDepth: 1 | 2 | 3 | 4;
  /** Promised time limit in working days (承诺时限). */
  readonly promisedDays: number;
  /** Statutory time limit in working days (法定时限), ≥ promisedDays. */
  readonly legalDays: number;
}

/** Who can hold a licence type. */
export type HolderKind = 'person' | 'enterprise';

/** An electronic licence type (证照类型). */
export interface LicenceTypeRecord {
  /** e.g. `LT-0007` */
  readonly code: string;
  /** e.g. `食品经营许可证`, `居民身份证`, `机动车驾驶证`. */
  readonly name: string;
  /** Issuing authority, e.g. `江苏省市场监督管理局`. */
  readonly issuer: string;
  readonly holderKind: HolderKind;
  /** Years a licence stays valid; `null` = no expiry. */
  readonly validityYears: number | null;
}

/** Status of an electronic licence. */
export type LicenceStatus = 'valid' | 'revoked' | 'expired';

/** One electronic licence (电子证照). */
export interface LicenceRecord {
  /** Licence number, unique, e.g. `JS-LT0007-2021-000123`. */
  readonly number: string;
  readonly typeCode: string;
  readonly holderKind: HolderKind;
  /** The holder's resident ID number (person) or unified social credit code (enterprise). */
  readonly holderId: string;
  readonly holderName: string;
  readonly issuer: string;
  /** `YYYY-MM-DD` */
  readonly issuedOn: string;
  /** `YYYY-MM-DD`, or `null` when the type has no expiry. */
  readonly expiresOn: string | null;
  /** As of the dataset's reference date. */
  readonly status: LicenceStatus;
  /** Why it was revoked (`null` unless revoked). */
  readonly revokedReason: string | null;
}

/**
 * Case workflow states (办件状态). Allowed transitions: see {@link CASE_TRANSITIONS}.
 */
export type CaseStatus = 'submitted' | 'accepted' | 'in_review' | 'approved' | 'rejected' | 'completed' | 'withdrawn';

/** The case workflow: from each status, the statuses it may move to. Terminal states map to `[]`. */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = Object.freeze({
  submitted: ['accepted', 'rejected', 'withdrawn'],
  accepted: ['in_review', 'withdrawn'],
  in_review: ['approved', 'rejected'],
  approved: ['completed'],
  rejected: [],
  completed: [],
  withdrawn: [],
});

/** One status change of a case. */
export interface CaseStatusChange {
  readonly status: CaseStatus;
  /** ISO 8601 with offset, e.g. `2025-03-04T09:15:00+08:00`. */
  readonly at: string;
  readonly note: string | null;
}

/** A case (办件) in the city case-handling system. */
export interface CaseRecord {
  /** Case number, unique, e.g. `SZ2025030400123`. */
  readonly number: string;
  readonly applicantKind: HolderKind;
  /** Resident ID number (person) or unified social credit code (enterprise). */
  readonly applicantId: string;
  /** Item code of the service applied for. */
  readonly serviceCode: string;
  /** ISO 8601 with offset. */
  readonly submittedAt: string;
  /** Equals the last entry of `history`. */
  readonly status: CaseStatus;
  /** Oldest first; the first entry is `submitted`. */
  readonly history: readonly CaseStatusChange[];
  /** Numbers of licences issued as the result (only for `completed` cases; may be empty). */
  readonly resultLicenceNumbers: readonly string[];
}

/** How many records of each kind to generate. */
export interface DatasetSizes {
  /** @default 10000 */
  readonly persons: number;
  /** @default 2000 */
  readonly enterprises: number;
  /** @default 500 */
  readonly services: number;
  /** @default 50 */
  readonly licenceTypes: number;
  /** @default 100000 */
  readonly licences: number;
  /** @default 20000 */
  readonly cases: number;
}

/** The whole simulated province. Same seed and sizes → identical dataset, on every machine. */
export interface Dataset {
  readonly seed: number;
  readonly sizes: DatasetSizes;
  /** The date statuses are computed against (`YYYY-MM-DD`), fixed so data never drifts with the clock. */
  readonly referenceDate: string;
  readonly persons: readonly PersonRecord[];
  readonly enterprises: readonly EnterpriseRecord[];
  readonly services: readonly ServiceRecord[];
  readonly licenceTypes: readonly LicenceTypeRecord[];
  readonly licences: readonly LicenceRecord[];
  readonly cases: readonly CaseRecord[];
}

/** Insurance types of the social-insurance system (五险): 养老, 医疗, 失业, 工伤, 生育. */
export type InsuranceType = 'pension' | 'medical' | 'unemployment' | 'work_injury' | 'maternity';

/**
 * Status of a person's social-insurance account (参保状态): `insured` (contributing),
 * `suspended` (中断缴费: stopped paying, may resume), `terminated` (终止: retired, moved away),
 * `never` (registered, never contributed).
 */
export type InsuredStatus = 'insured' | 'suspended' | 'terminated' | 'never';

/** One month's contribution to one insurance type (缴费记录). Amounts in fen (1/100 yuan), integers. */
export interface ContributionRecord {
  /** `YYYY-MM` */
  readonly month: string;
  readonly insuranceType: InsuranceType;
  /** Contribution base (缴费基数) in fen. */
  readonly baseAmount: number;
  /** The person's share (个人缴纳) in fen. */
  readonly personalAmount: number;
  /** The employer's share (单位缴纳) in fen; 0 for flexible employment. */
  readonly employerAmount: number;
  /** The paying unit: an enterprise's name from the dataset, or `灵活就业` (flexible employment, self-paid). */
  readonly payingUnit: string;
}

/** A person's account in the social-insurance system (社会保险信息系统). */
export interface SocialInsuranceRecord {
  /** The person's resident ID number (a person of the population registry). */
  readonly idNumber: string;
  readonly name: string;
  readonly status: InsuredStatus;
  /** Types the person is (or was last) insured for, in the order pension, medical, unemployment, work_injury, maternity; empty for `never`. */
  readonly insuranceTypes: readonly InsuranceType[];
  /** `YYYY-MM`; `null` for `never`. */
  readonly firstContributionMonth: string | null;
  /** `YYYY-MM`; `null` for `never`. */
  readonly lastContributionMonth: string | null;
  /** Months with contributions over the whole career (gaps excluded); 0 for `never`. */
  readonly totalContributionMonths: number;
  /** The current (or last) paying unit; `null` for `never`. */
  readonly payingUnit: string | null;
  /**
   * The months the system keeps online: the 36 months ending at the reference month,
   * oldest first, one record per month and insured type (older months are archived).
   */
  readonly contributions: readonly ContributionRecord[];
}

/** What the social-insurance system holds, derived from a {@link Dataset}. */
export interface SocialInsuranceData {
  /** `YYYY-MM` of the dataset's reference date: the last month that can hold contributions. */
  readonly referenceMonth: string;
  /** Ordered like the dataset's persons. */
  readonly records: readonly SocialInsuranceRecord[];
}
