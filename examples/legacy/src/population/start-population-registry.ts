/**
 * The population registry (人口库) simulator: a SOAP 1.1 service over the
 * dataset's persons, as provincial population databases expose it (WSDL,
 * document/literal, faults with machine codes). Wire API:
 * examples/legacy/README.md, "Population registry".
 */
import type { Dataset } from '../data/types';
import { startHttpSimulator, type SimulatorHandle, type SimulatorListenOptions } from '../harness';
import { createPersonRegistry } from './person-registry';
import { POPULATION_PATH } from './population-contract';
import { routeSoapRequest } from './route-soap-request';
import { soapFault } from './soap-envelope';

/** Options of {@link startPopulationRegistry}. */
export interface PopulationRegistryOptions extends SimulatorListenOptions {
  /** The persons served (a full {@link Dataset} fits). */
  readonly dataset: Pick<Dataset, 'persons'>;
}

/**
 * Starts the registry. The handle's `url` is the SOAP endpoint
 * (`http://127.0.0.1:PORT/population`); the WSDL is at `${url}?wsdl`.
 * Calls are counted per SOAP operation name, `wsdl` for WSDL downloads.
 */
export async function startPopulationRegistry(options: PopulationRegistryOptions): Promise<SimulatorHandle> {
  const registry = createPersonRegistry(options.dataset.persons);
  let origin = 'http://127.0.0.1';
  const handle = await startHttpSimulator({
    ...options,
    name: 'population-registry',
    path: POPULATION_PATH,
    route: (request) => routeSoapRequest(registry, request, origin),
    injectedError: () => soapFault({ faultcode: 'Server', code: 'INTERNAL_ERROR', message: 'the population registry failed (injected)' }),
  });
  origin = handle.url.slice(0, -POPULATION_PATH.length);
  return handle;
}
