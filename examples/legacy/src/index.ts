export * from './data';
export {
  FAILURE_MODES,
  UNROUTED_OPERATION,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type SimulatorHandle,
  type SimulatorListenOptions,
  type CallCounter,
  type FaultInjector,
  type FailureMode,
  type FailureOptions,
  type FaultState,
} from './harness';
export {
  startPopulationRegistry,
  buildPopulationWsdl,
  soapActionOf,
  POPULATION_NAMESPACE,
  POPULATION_OPERATIONS,
  POPULATION_PATH,
  MAX_PERSON_BATCH,
  WSDL_OPERATION,
  type PopulationRegistryOptions,
  type PopulationOperation,
  type PopulationFaultCode,
} from './population';
export {
  startSocialInsuranceSystem,
  buildSocialInsuranceWsdl,
  socialInsuranceActionOf,
  DEFAULT_SOCIAL_INSURANCE_CREDENTIALS,
  SOCIAL_INSURANCE_NAMESPACE,
  SOCIAL_INSURANCE_OPERATIONS,
  SOCIAL_INSURANCE_PATH,
  SOAP12_NAMESPACE,
  WSSE_NAMESPACE,
  WSU_NAMESPACE,
  PASSWORD_DIGEST_TYPE,
  PASSWORD_TEXT_TYPE,
  BASE64_BINARY_ENCODING,
  MAX_INSURANCE_STATUS_BATCH,
  MAX_CONTRIBUTION_RANGE_MONTHS,
  MAX_TOKEN_AGE_MS,
  MAX_CLOCK_SKEW_MS,
  type SocialInsuranceSystemOptions,
  type SocialInsuranceSystemHandle,
  type SocialInsuranceOperation,
  type SocialInsuranceFaultCode,
  type UsernameTokenCredentials,
} from './social-insurance';
export { startLegalPersonRegistry, LEGAL_PERSON_OPERATIONS, MAX_ENTERPRISE_BATCH, type LegalPersonRegistryOptions } from './legal-person';
export {
  startCatalogExporter,
  writeCatalogExport,
  formatCatalogCsv,
  catalogFileName,
  catalogFileTime,
  CATALOG_HEADER,
  CATALOG_FILE_PATTERN,
  type CatalogExporterOptions,
  type CatalogExporterHandle,
  type CatalogExportOptions,
  type CatalogExportFile,
  type CatalogBadRow,
  type CatalogBadRowKind,
} from './catalog';
export {
  createLicenceLibrary,
  parseLicenceDbUrl,
  DEFAULT_LICENCE_LIBRARY_SCHEMA,
  LICENCE_LIBRARY_SCHEMA_VERSION,
  type LicenceLibraryOptions,
  type LicenceLibraryHandle,
  type LicenceDbLocation,
} from './licence-library';
export {
  startCaseHandlingSystem,
  CASE_OPERATIONS,
  CASE_STATUSES,
  MAX_CASE_BATCH,
  type CaseHandlingSystemOptions,
} from './case-handling';
export { formatChinaTimestamp } from './time/china-time';
export { startLegacySystems, type StartLegacySystemsOptions, type LegacySystems } from './start-legacy-systems';
export { parseLegacyEnvironment, DEFAULT_LEGACY_PORTS, type LegacyEnvironment } from './parse-legacy-environment';
