import 'reflect-metadata';
/**
 * Page-based pagination, the style of provincial REST registries
 * (`page`, `pageSize`), checked once here so every subgraph refuses an
 * oversized page the same way.
 */
import { ArgsType, Field, Int } from 'type-graphql';
import { BadRequestError } from '../errors';

/** The largest page any subgraph serves unless it says otherwise. */
export const MAX_PAGE_SIZE = 100;

/** `page` (from 1) and `pageSize` (1 … 100) arguments of a paginated query. */
@ArgsType()
export class PageArgs {
  /** @default 1 */
  @Field(() => Int, { defaultValue: 1, description: 'Page number, from 1.' })
  page: number = 1;

  /** @default 20 */
  @Field(() => Int, { defaultValue: 20, description: `Items per page, 1 to ${MAX_PAGE_SIZE}.` })
  pageSize: number = 20;
}

/** A validated page request. `offset` is derived for sources that want it. */
export interface PageRequest {
  readonly page: number;
  readonly pageSize: number;
  readonly offset: number;
}

/**
 * Validates page arguments, throwing `BAD_USER_INPUT` that names the argument and the allowed range.
 * @param maxPageSize the largest page this query serves. @default 100
 */
export function parsePageArgs(args: { page?: number | null; pageSize?: number | null }, maxPageSize = MAX_PAGE_SIZE): PageRequest {
  const page = args.page ?? 1;
  const pageSize = args.pageSize ?? 20;
  const problems: string[] = [];
  if (!Number.isInteger(page) || page < 1 || page > 1_000_000) problems.push(`page must be between 1 and 1000000, got ${page}`);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) {
    problems.push(`pageSize must be between 1 and ${maxPageSize}, got ${pageSize}`);
  }
  if (problems.length > 0) throw new BadRequestError(problems.join('; '), { details: { page, pageSize, maxPageSize } });
  return { page, pageSize, offset: (page - 1) * pageSize };
}
