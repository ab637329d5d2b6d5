/**
 * Per-request loaders of persons: by record id and by ID number. Every
 * `person`, `personByIdNumber` and `Enterprise.legalRepresentative` of one
 * request goes through these, so N look-ups cost ⌈N / batch size⌉ calls to the
 * population registry.
 */
import type { SoapSource } from '@govgraph/connector-soap';
import { maxBatchSizeOf } from '@govgraph/sdk';
import { createRecordLoader, type RecordLoader } from '../upstream/record-loader';
import { getPersonsByIdNumbers, getPersonsByIds, POPULATION_BATCH_LIMIT } from './population-registry';
import type { Person } from './person.type';

/** The person loaders of one request. A key with no person loads `null`. */
export interface PersonLoaders {
  readonly personById: RecordLoader<Person>;
  readonly personByIdNumber: RecordLoader<Person>;
}

/** Creates the person loaders of one request. */
export function createPersonLoaders(sources: { readonly population: SoapSource }): PersonLoaders {
  return {
    personById: createRecordLoader<Person>({
      name: 'personById',
      field: 'id',
      batch: (ids) => getPersonsByIds(sources.population, ids),
      maxBatchSize: maxBatchSizeOf(sources.population, POPULATION_BATCH_LIMIT),
    }),
    personByIdNumber: createRecordLoader<Person>({
      name: 'personByIdNumber',
      field: 'idNumber',
      batch: (idNumbers) => getPersonsByIdNumbers(sources.population, idNumbers),
      maxBatchSize: maxBatchSizeOf(sources.population, POPULATION_BATCH_LIMIT),
      // A lower-case check character `x` names the same person as `X`.
      cacheKeyOf: (idNumber) => idNumber.toUpperCase(),
    }),
  };
}
