import 'reflect-metadata';
import { Grade, PageArgs, type PageResult, parsePageArgs, ResidentIdScalar } from '@govgraph/sdk';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { UsersContext } from '../context';
import { checkTextArgument } from '../arguments/check-text-argument';
import { PersonPage } from './person-page.type';
import { Person } from './person.type';
import { searchPersonsByName } from './population-registry';

/** Longest record id accepted by `person(id)`. */
const MAX_ID_LENGTH = 64;
/** Longest name prefix accepted by `searchPersons`. */
const MAX_NAME_LENGTH = 50;

/**
 * The person queries. Look-ups go through the request's loaders (batched with
 * every other look-up of the request); the search is one `SearchPersons` call.
 */
@Resolver(() => Person)
export class PersonResolver {
  /** A person by the registry's record id; `null` when there is none. */
  @Query(() => Person, { nullable: true, description: "A person by the population registry's record id." })
  @Grade('L2')
  person(@Arg('id', () => ID) id: string, @Ctx() ctx: UsersContext): Promise<Person | null> {
    return ctx.loaders.personById.load(checkTextArgument('id', id, { maxLength: MAX_ID_LENGTH }));
  }

  /** A person by resident ID number (validated by the `ResidentId` scalar); `null` when there is none. */
  @Query(() => Person, { nullable: true, description: 'A person by resident ID number.' })
  @Grade('L2')
  personByIdNumber(@Arg('idNumber', () => ResidentIdScalar) idNumber: string, @Ctx() ctx: UsersContext): Promise<Person | null> {
    return ctx.loaders.personByIdNumber.load(idNumber);
  }

  /** Persons whose name starts with `name`, ordered by name, then record id. */
  @Query(() => PersonPage, { description: 'Persons whose name starts with `name`, ordered by name.' })
  @Grade('L3')
  async searchPersons(
    @Arg('name', () => String, { description: 'The beginning of the name, e.g. a family name.' }) name: string,
    @Args(() => PageArgs) pageArgs: PageArgs,
    @Ctx() ctx: UsersContext,
  ): Promise<PageResult<Person>> {
    const page = parsePageArgs(pageArgs);
    const prefix = checkTextArgument('name', name, { maxLength: MAX_NAME_LENGTH });
    return searchPersonsByName(ctx.sources.population, prefix, page);
  }
}
