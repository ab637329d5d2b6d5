import { createPageType } from '@govgraph/sdk';
import { Person } from './person.type';

/** `PersonPage`: one page of `searchPersons` results. */
export const PersonPage = createPageType(Person, 'PersonPage');
