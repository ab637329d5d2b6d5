/**
 * What a department tells the conformance kit about its subgraph: sample
 * keys of its entities and, optionally, hooks into its legacy system (a
 * simulator's call counter and fault switches). Everything optional has a
 * default or turns its checks into "skipped", so a first run needs only the
 * sample keys.
 */
import type { Subgraph } from '../server/create-subgraph';

/** A key value: a scalar for a one-field key (`idNumber`), an object of the key's fields for a composite key. */
export type KeyValue = string | number | Readonly<Record<string, unknown>>;

/** Sample values of one `@key` of one entity type. */
export interface KeySamples {
  /** Key values the legacy system holds (at least two, so that batching can be observed). */
  readonly found: readonly KeyValue[];
  /**
   * A key value the legacy system does not hold; `_entities` must answer `null` in its place.
   * `false` when every reference resolves here (an entity this subgraph only extends with fields),
   * which turns the "missing" checks off for this key.
   * @default generated from the found values, keeping their format (valid check characters for ID numbers and credit codes)
   */
  readonly missing?: KeyValue | false;
  /**
   * Makes the i-th (0, 1, …) of many distinct keys that do not exist, for the large batch.
   * Needed only when the kit cannot vary the key's format itself.
   * @default variations of `missing` (or of the found values)
   */
  readonly makeMissing?: (index: number) => KeyValue;
  /** The legacy system's batch limit for this key. @default the spec's `maxBatchSize` */
  readonly maxBatchSize?: number;
  /**
   * Extra fields the kit selects on this entity in every `_entities` query for this key, besides
   * the key fields, e.g. `socialInsurance { status }`. The key fields alone are answered from the
   * representation and never reach the legacy system in a subgraph that only extends the entity;
   * a selection that does makes the entity, batching, error and timeout checks exercise the source
   * (the default `upstreamQuery` uses it too). Errors at these fields count as the representation's errors.
   * @default none: only the key fields
   */
  readonly selection?: string;
}

/** A GraphQL operation the department supplies. */
export interface ConformanceQuery {
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>>;
}

/** The check groups, in the order they run. Each is one `it` under {@link describeConformance}. */
export const CONFORMANCE_GROUPS = ['federation', 'entities', 'batching', 'errors', 'timeouts', 'health'] as const;

/** One group of checks. */
export type ConformanceGroup = (typeof CONFORMANCE_GROUPS)[number];

/** Headers of the kit's requests: fixed, or made before each request. */
export type ConformanceHeaders =
  | Readonly<Record<string, string>>
  | (() => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>);

/** A hook into the legacy system; may be asynchronous. */
export type UpstreamHook = () => void | Promise<void>;

/** What {@link checkSubgraphConformance} checks, and with which sample data and hooks. */
export interface ConformanceSpec {
  /**
   * Sample keys of every entity type and resolvable key the SDL declares:
   * `{ Person: { idNumber: ['320102…'], id: { found: ['P00000001', 'P00000002'] } } }`
   * (the key's `fields` string names it; a plain array means `{ found }`).
   */
  readonly entities: Readonly<Record<string, Readonly<Record<string, KeySamples | readonly KeyValue[]>>>>;
  /** The legacy system's batch limit (keys per call). @default 100 */
  readonly maxBatchSize?: number;
  /** Representations in the large-batch check. @default 250 */
  readonly largeBatchSize?: number;
  /** Reads how many calls the legacy system has received so far (e.g. a simulator's `calls.total()`). Turns on the batching checks. */
  readonly countCalls?: () => number | Promise<number>;
  /** Makes the legacy system fail (e.g. `faults.setFailure('error')`). Turns on the upstream-error and not-ready checks. Needs `restoreUpstream`. */
  readonly breakUpstream?: UpstreamHook;
  /** Makes the legacy system stop answering (e.g. `faults.setFailure('hang')`). Turns on the timeout check. Needs `restoreUpstream` and `timeoutMs`. */
  readonly slowUpstream?: UpstreamHook;
  /** Undoes `breakUpstream` and `slowUpstream`. */
  readonly restoreUpstream?: UpstreamHook;
  /** A query that calls the legacy system. @default `_entities` with the first found sample of the first entity key */
  readonly upstreamQuery?: ConformanceQuery;
  /** A query with an invalid argument (a bad ID number, page size 0); it must fail with `BAD_USER_INPUT`. Turns on that check. */
  readonly badArgumentQuery?: ConformanceQuery;
  /** The subgraph's configured timeout of one legacy call, in milliseconds. */
  readonly timeoutMs?: number;
  /** How much later than `timeoutMs` the timeout error may arrive. @default 1000 */
  readonly timeoutMarginMs?: number;
  /** The query of the timeout check. @default `upstreamQuery` */
  readonly timeoutQuery?: ConformanceQuery;
  /** Strings that must never appear in an error (legacy URLs, database paths, user names), on top of the kit's own patterns. */
  readonly secrets?: readonly string[];
  /** The kit gives up on any one request after this long (so a hanging subgraph fails a check, not the run). @default 10000 */
  readonly requestTimeoutMs?: number;
  /**
   * Headers sent with every request the kit makes, or a function called before each request (so a
   * short-lived token is fresh). A verify-mode subgraph needs the gateway's context token:
   * `headers: async () => ({ 'x-govgraph-context': await signer.sign({ audience: 'users', subject: 'conformance', requestId: 'conformance' }) })`.
   * @default none (a development-mode subgraph needs none)
   */
  readonly headers?: ConformanceHeaders;
  /** Which groups to run. @default all of {@link CONFORMANCE_GROUPS} */
  readonly groups?: readonly ConformanceGroup[];
}

/** The subgraph under test: built in-process (queried through its `fetch`, started first) or served at a GraphQL URL. */
export type ConformanceTarget = { readonly subgraph: Subgraph; readonly url?: never } | { readonly url: string; readonly subgraph?: never };

/** One check's outcome. */
export interface ConformanceCheck {
  readonly group: ConformanceGroup;
  /** What was checked, e.g. `Person @key(fields: "idNumber"): a missing key answers null in place`. */
  readonly name: string;
  readonly passed: boolean;
  /** Why the check did not run (a hook or query was not supplied); a skipped check counts as passed. */
  readonly skipped?: string;
  /** What is wrong and what to fix, when it failed. */
  readonly problem?: string;
}

/** Every check's outcome, in the order they ran. */
export interface ConformanceReport {
  /** The target: the subgraph's name or its URL. */
  readonly target: string;
  readonly passed: boolean;
  readonly checks: readonly ConformanceCheck[];
}
