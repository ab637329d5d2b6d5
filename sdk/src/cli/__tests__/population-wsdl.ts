/**
 * The population registry's WSDL (SOAP 1.1) and the social-insurance
 * system's (SOAP 1.2 only) from `@govgraph/legacy`, loaded through
 * jest's module map at run time: a static import would make the SDK's
 * type check read the legacy package, which itself depends on the SDK.
 */
interface LegacyWsdl {
  buildPopulationWsdl(address: string): string;
  readonly POPULATION_OPERATIONS: readonly string[];
  buildSocialInsuranceWsdl(address: string): string;
}

/** `buildPopulationWsdl`, `POPULATION_OPERATIONS` and `buildSocialInsuranceWsdl` of `@govgraph/legacy`. */
export const legacy = jest.requireActual<LegacyWsdl>('@govgraph/legacy');
