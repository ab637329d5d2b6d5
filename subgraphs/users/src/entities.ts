/**
 * How the users subgraph resolves references to the entities it owns, for the
 * gateway's `_entities`: Person by `id` or by `idNumber`, Enterprise by
 * `creditCode`. The SDK groups each batch of up to 100 representations by key
 * field, so N references cost ⌈N / 100⌉ calls per key field.
 */
import type { EntityResolver } from '@govgraph/sdk';
import type { UsersContext } from './context';
import { getEnterprisesByCreditCodes, LEGAL_PERSON_BATCH_LIMIT, type LoadedEnterprise } from './enterprise/legal-person-registry';
import type { Enterprise } from './enterprise/enterprise.type';
import { getPersonsByIdNumbers, getPersonsByIds, POPULATION_BATCH_LIMIT, type LoadedPerson } from './person/population-registry';
import type { Person } from './person/person.type';
import { keyOfLoaded } from './upstream/rejected-record-error';

const personId = keyOfLoaded<Person>('id');
const personIdNumber = keyOfLoaded<Person>('idNumber');
const enterpriseCreditCode = keyOfLoaded<Enterprise>('creditCode');

/** The `entities` option of the users subgraph. */
export const USERS_ENTITIES: Readonly<Record<'Person' | 'Enterprise', EntityResolver<UsersContext>>> = Object.freeze({
  Person: {
    byKey: {
      id: {
        load: (ids, ctx) => getPersonsByIds(ctx.sources.population, ids),
        keyOf: (record) => personId(record as LoadedPerson),
      },
      idNumber: {
        load: (idNumbers, ctx) => getPersonsByIdNumbers(ctx.sources.population, idNumbers),
        keyOf: (record) => personIdNumber(record as LoadedPerson),
      },
    },
    maxBatchSize: POPULATION_BATCH_LIMIT,
  },
  Enterprise: {
    byKey: {
      creditCode: {
        load: (creditCodes, ctx) => getEnterprisesByCreditCodes(ctx.sources.legalPerson, creditCodes),
        keyOf: (record) => enterpriseCreditCode(record as LoadedEnterprise),
      },
    },
    maxBatchSize: LEGAL_PERSON_BATCH_LIMIT,
  },
});
