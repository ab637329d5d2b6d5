import 'reflect-metadata';
/**
 * The services subgraph's queries. Every answer comes from the request's
 * pinned catalog index (see `service.loader.ts`): no query reads the export
 * file, and none scans the catalog.
 */
import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { Grade, PageArgs, type PageResult, parsePageArgs, toPageResult } from '@govgraph/sdk';
import type { ServicesContext } from '../services-context';
import { parseDepartmentArg, parseSearchTextArg, parseServiceCodeArg } from './service-arguments';
import { ServicePage } from './service-page.type';
import { Service } from './service.type';

/**
 * `service`, `servicesByDepartment`, `searchServices` and `departments`.
 * Page arguments come first in the methods because parameter decorators
 * register last to first: the schema then lists `department`/`text` before
 * `page` and `pageSize`, as the domain schema does.
 */
@Resolver(() => Service)
export class ServiceResolver {
  /** One service by its item code; `null` when the catalog does not list it. */
  @Query(() => Service, { nullable: true, description: 'The service with this item code, or null if the catalog does not list it.' })
  @Grade('L1')
  service(@Arg('code', () => String) code: string, @Ctx() ctx: ServicesContext): Promise<Service | null> {
    return ctx.loaders.serviceByCode.load(parseServiceCodeArg(code));
  }

  /** The services a department handles, in code order. */
  @Query(() => ServicePage, { description: 'The services a department (实施部门) handles, in item code order.' })
  @Grade('L1')
  servicesByDepartment(
    @Args(() => PageArgs) pageArgs: PageArgs,
    @Arg('department', () => String) department: string,
    @Ctx() ctx: ServicesContext,
  ): PageResult<Service> {
    const name = parseDepartmentArg(department);
    const request = parsePageArgs(pageArgs);
    const { items, total } = ctx.loaders.catalog().byDepartment(name, request.offset, request.pageSize);
    return toPageResult(request, [...items], total);
  }

  /** Services whose code or name contains the text, case-insensitively, in code order. */
  @Query(() => ServicePage, {
    description: 'Services whose item code or name contains the text (case-insensitive; 1 to 50 characters), in item code order.',
  })
  @Grade('L1')
  searchServices(@Args(() => PageArgs) pageArgs: PageArgs, @Arg('text', () => String) text: string, @Ctx() ctx: ServicesContext): PageResult<Service> {
    const query = parseSearchTextArg(text);
    const request = parsePageArgs(pageArgs);
    const { items, total } = ctx.loaders.catalog().search(query, request.offset, request.pageSize);
    return toPageResult(request, [...items], total);
  }

  /** Every department that handles a service, sorted, each once. */
  @Query(() => [String], { description: 'Every department that handles at least one service, in code-point order.' })
  @Grade('L1')
  departments(@Ctx() ctx: ServicesContext): readonly string[] {
    return ctx.loaders.catalog().departments();
  }
}
