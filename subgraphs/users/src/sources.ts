/**
 * The two legacy systems behind the users subgraph: the population registry
 * (SOAP) for persons and the legal-person registry (REST/JSON) for
 * enterprises. Built from the validated config; started and stopped by the
 * subgraph server, asked by `/readyz`.
 */
import { parseRestSourceConfig, restSource, type RestSource } from '@govgraph/connector-rest';
import { parseSoapSourceConfig, soapSource, type SoapSource } from '@govgraph/connector-soap';
import type { UsersSubgraphConfig } from './config';
import { LEGAL_PERSON_BATCH_LIMIT } from './enterprise/legal-person-registry';
import { POPULATION_BATCH_LIMIT } from './person/population-registry';

/** The users subgraph's sources, by the key resolvers use (`ctx.sources.population`). */
export type UsersSources = {
  /** The population registry (人口库): `GetPersonsByIds`, `GetPersonsByIdNumbers`, `SearchPersons`. */
  readonly population: SoapSource;
  /** The legal-person registry (法人库): `/api/v1/enterprises`. */
  readonly legalPerson: RestSource;
};

/** Names of the sources in errors (`legacy system "…"`), logs and `/readyz`. */
export const USERS_SOURCE_NAMES = Object.freeze({ population: 'population-registry', legalPerson: 'legal-person-registry' });

/** Creates (does not start) the sources described by `config`. */
export function createUsersSources(config: UsersSubgraphConfig): UsersSources {
  return {
    population: soapSource(
      parseSoapSourceConfig({
        name: USERS_SOURCE_NAMES.population,
        endpoint: config.populationUrl,
        timeoutMs: config.timeoutMs,
        // The WSDL's maxOccurs on the batch operations; loaders and `entities` read it from here.
        capabilities: { batch: { maxSize: POPULATION_BATCH_LIMIT }, pagination: 'page' },
      }),
    ),
    legalPerson: restSource(
      parseRestSourceConfig({
        name: USERS_SOURCE_NAMES.legalPerson,
        baseUrl: config.legalPersonUrl,
        timeoutMs: config.timeoutMs,
        // `POST /api/v1/enterprises/batch` takes at most 100 codes; lists are page-based.
        capabilities: { batch: { maxSize: LEGAL_PERSON_BATCH_LIMIT }, pagination: 'page' },
      }),
    ),
  };
}
