export {
  startLegalPersonRegistry,
  LEGAL_PERSON_OPERATIONS,
  MAX_ENTERPRISE_BATCH,
  type LegalPersonRegistryOptions,
} from './start-legal-person-registry';
export { createEnterpriseDirectory, type EnterpriseDirectory, type EnterpriseFilter } from './enterprise-directory';
