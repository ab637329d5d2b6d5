export { generateDataset, type GenerateDatasetOptions } from './generate-dataset';
export { DEFAULT_DATASET_SEED, DEFAULT_DATASET_SIZES, DATASET_REFERENCE_DATE } from './dataset-defaults';
export { CASE_TRANSITIONS } from './types';
export type {
  PersonRecord,
  EnterpriseStatus,
  EnterpriseRecord,
  ServiceRecord,
  HolderKind,
  LicenceTypeRecord,
  LicenceStatus,
  LicenceRecord,
  CaseStatus,
  CaseStatusChange,
  CaseRecord,
  DatasetSizes,
  Dataset,
} from './types';
export { generateSocialInsurance, INSURANCE_TYPES, FLEXIBLE_EMPLOYMENT, CONTRIBUTION_HISTORY_MONTHS } from './generate-social-insurance';
export type { InsuranceType, InsuredStatus, ContributionRecord, SocialInsuranceRecord, SocialInsuranceData } from './types';
