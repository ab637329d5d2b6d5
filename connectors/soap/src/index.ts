export { soapSource } from './connector';
export { parseSoapSourceConfig, SOAP_VERSIONS, type SoapSourceConfig, type SoapVersion } from './config';
export type { SoapSource, SoapCallOptions, SourceStats } from './soap-source';
export type { SoapServiceDescription, SoapOperation } from './read-wsdl';
export type { QualifiedName } from './xml-element';
