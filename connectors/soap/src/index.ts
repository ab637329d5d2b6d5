export { soapSource } from './connector';
export { parseSoapSourceConfig, SOAP_VERSIONS, SOAP_VERSION_SETTINGS, type SoapSourceConfig, type SoapVersion, type SoapVersionSetting } from './config';
export { PASSWORD_TYPES, type PasswordType, type SoapSecurity, type UsernameTokenSecurity } from './ws-security-config';
export type { SoapSource, SoapCallOptions, SourceStats } from './soap-source';
export type { SoapServiceDescription, SoapOperation } from './read-wsdl';
export type { QualifiedName } from './xml-element';
