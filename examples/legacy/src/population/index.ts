export { startPopulationRegistry, type PopulationRegistryOptions } from './start-population-registry';
export {
  POPULATION_NAMESPACE,
  POPULATION_OPERATIONS,
  POPULATION_PATH,
  SOAP11_ENVELOPE_NAMESPACE,
  MAX_PERSON_BATCH,
  WSDL_OPERATION,
  soapActionOf,
  type PopulationOperation,
  type PopulationFaultCode,
  type PopulationFault,
} from './population-contract';
export { buildPopulationWsdl } from './build-population-wsdl';
export { createPersonRegistry, type PersonRegistry } from './person-registry';
export { escapeXml } from './xml/escape-xml';
export { parseXmlDocument, XmlDocumentError, type XmlElement, type XmlRejection } from './xml/parse-xml-document';
