export {
  startSocialInsuranceSystem,
  DEFAULT_SOCIAL_INSURANCE_CREDENTIALS,
  type SocialInsuranceSystemOptions,
  type SocialInsuranceSystemHandle,
} from './start-social-insurance-system';
export {
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
  socialInsuranceActionOf,
  type SocialInsuranceOperation,
  type SocialInsuranceFaultCode,
  type SocialInsuranceFault,
  type WsSecuritySubcode,
} from './social-insurance-contract';
export { buildSocialInsuranceWsdl } from './build-social-insurance-wsdl';
export { createSocialInsuranceLedger, type SocialInsuranceLedger } from './social-insurance-ledger';
export { verifyUsernameToken, createNonceCache, type UsernameTokenCredentials, type NonceCache } from './verify-username-token';
