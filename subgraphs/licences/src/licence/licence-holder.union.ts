import { createUnionType } from 'type-graphql';
import { Enterprise } from '../enterprise/enterprise.type';
import { Person } from '../person/person.type';

/**
 * Who holds a licence: a reference to a `Person` or an `Enterprise`, which
 * the gateway completes from the users subgraph (name, address, …). The
 * objects carry `__typename`, set where the reference is made.
 */
export const LicenceHolder = createUnionType({
  name: 'LicenceHolder',
  description: 'The holder of a licence: a person or an enterprise.',
  types: () => [Person, Enterprise] as const,
  resolveType: (value) => {
    if (value.__typename) return value.__typename;
    return 'creditCode' in value ? 'Enterprise' : 'Person';
  },
});
