/**
 * The population registry's WSDL from `@govgraph/legacy`, loaded through
 * jest's module map at run time: a static import would make the SDK's
 * type check read the legacy package, which itself depends on the SDK.
 */
interface LegacyWsdl {
  buildPopulationWsdl(address: string): string;
  readonly POPULATION_OPERATIONS: readonly string[];
}

/** `buildPopulationWsdl` and `POPULATION_OPERATIONS` of `@govgraph/legacy`. */
export const legacy = jest.requireActual<LegacyWsdl>('@govgraph/legacy');
