/**
 * The social-insurance system's SOAP 1.2 contract in one place: namespaces,
 * operation names, actions, limits and fault codes. The WSDL, the router, the
 * WS-Security check and the README are all written from these.
 */

/** Target namespace of the system's messages (document/literal, elements qualified). */
export const SOCIAL_INSURANCE_NAMESPACE = 'http://si.gov.js.cn/insurance/v1';

/** SOAP 1.2 envelope namespace (the only version served). */
export const SOAP12_NAMESPACE = 'http://www.w3.org/2003/05/soap-envelope';

/** WS-Security 1.0 secext namespace (`wsse`). */
export const WSSE_NAMESPACE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';

/** WS-Security 1.0 utility namespace (`wsu`). */
export const WSU_NAMESPACE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';

/** `Type` of a digest password (UsernameToken Profile). */
export const PASSWORD_DIGEST_TYPE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';

/** `Type` of a clear-text password (UsernameToken Profile); refused here. */
export const PASSWORD_TEXT_TYPE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';

/** `EncodingType` of a Base64 nonce. */
export const BASE64_BINARY_ENCODING = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';

/** The system's operations. */
export type SocialInsuranceOperation = 'GetInsuranceStatusByIdNumbers' | 'GetContributionHistory';

/** Every operation, in WSDL order. */
export const SOCIAL_INSURANCE_OPERATIONS: readonly SocialInsuranceOperation[] = Object.freeze(['GetInsuranceStatusByIdNumbers', 'GetContributionHistory']);

/** The HTTP path of the endpoint (POST envelopes, `GET ?wsdl`). */
export const SOCIAL_INSURANCE_PATH = '/social-insurance';

/** Most ID numbers one `GetInsuranceStatusByIdNumbers` accepts. */
export const MAX_INSURANCE_STATUS_BATCH = 50;

/** Longest `GetContributionHistory` range, in months (both ends included). */
export const MAX_CONTRIBUTION_RANGE_MONTHS = 36;

/** A `Created` older than this is refused (and a nonce is remembered this long). */
export const MAX_TOKEN_AGE_MS = 5 * 60 * 1000;

/** A `Created` further in the future than this is refused (clock skew allowance). */
export const MAX_CLOCK_SKEW_MS = 60 * 1000;

/** The action of an operation: `<namespace>/<operation>` (the `action` parameter of the Content-Type). */
export function socialInsuranceActionOf(operation: SocialInsuranceOperation): string {
  return `${SOCIAL_INSURANCE_NAMESPACE}/${operation}`;
}

/** Machine codes carried in a fault's `env:Detail`. */
export type SocialInsuranceFaultCode =
  | 'INVALID_XML'
  | 'DOCTYPE_NOT_ALLOWED'
  | 'INVALID_ENVELOPE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNKNOWN_OPERATION'
  | 'SOAP_ACTION_MISMATCH'
  | 'INVALID_ARGUMENT'
  | 'TOO_MANY_KEYS'
  | 'MUST_UNDERSTAND'
  | 'VERSION_MISMATCH'
  | 'INVALID_SECURITY'
  | 'FAILED_AUTHENTICATION'
  | 'MESSAGE_EXPIRED'
  | 'INTERNAL_ERROR';

/** WS-Security fault subcodes this system answers with. */
export type WsSecuritySubcode = 'wsse:InvalidSecurity' | 'wsse:FailedAuthentication' | 'wsse:MessageExpired';

/** A fault to answer: SOAP 1.2 code (without prefix), optional WS-Security subcode, machine code, human message. */
export interface SocialInsuranceFault {
  readonly code: 'Sender' | 'Receiver' | 'VersionMismatch' | 'MustUnderstand';
  readonly subcode?: WsSecuritySubcode;
  readonly detailCode: SocialInsuranceFaultCode;
  readonly message: string;
}

/** Shorthand for an `env:Sender` fault. */
export function senderFault(detailCode: SocialInsuranceFaultCode, message: string): SocialInsuranceFault {
  return { code: 'Sender', detailCode, message };
}
