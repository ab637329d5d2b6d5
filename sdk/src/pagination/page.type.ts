import 'reflect-metadata';
/**
 * A page of results as a GraphQL type: `items`, `page`, `pageSize`, `total`,
 * `hasNextPage`. `createPageType(Person, 'PersonPage')` makes the concrete
 * type (type-graphql generic types need a concrete subclass per item type).
 */
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { PageRequest } from './page-args';

/** The plain shape a resolver returns for a page type. */
export interface PageResult<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  hasNextPage: boolean;
}

/** Creates a page object type named `name` holding items of `itemType`. */
export function createPageType<T extends object>(itemType: ClassType<T>, name: string): ClassType<PageResult<T>> {
  @ObjectType(name, { description: `A page of ${itemType.name} results.` })
  class Page implements PageResult<T> {
    @Field(() => [itemType])
    items!: T[];

    @Field(() => Int, { description: 'This page, from 1.' })
    page!: number;

    @Field(() => Int)
    pageSize!: number;

    @Field(() => Int, { description: 'How many results there are in all.' })
    total!: number;

    @Field({ description: 'Whether a next page exists.' })
    hasNextPage!: boolean;
  }
  return Page;
}

/** Builds the page result from a request, its items and the total reported by the source. */
export function toPageResult<T>(request: PageRequest, items: T[], total: number): PageResult<T> {
  return {
    items,
    page: request.page,
    pageSize: request.pageSize,
    total,
    hasNextPage: request.offset + items.length < total,
  };
}
