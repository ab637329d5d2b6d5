/**
 * `describeConformance`: the kit as a jest (or vitest, mocha) suite, one
 * `it` per check group, so each failing group shows by name in the test
 * output. Uses the test framework's globals when present and never imports
 * one, so the kit does not depend on jest at runtime.
 */
import { assertConformance } from './assert-conformance';
import { checkSubgraphConformance } from './check-subgraph-conformance';
import { CONFORMANCE_GROUPS, type ConformanceGroup, type ConformanceSpec, type ConformanceTarget } from './conformance-spec';

/** What the setup of {@link describeConformance} returns. */
export interface ConformanceSetup {
  readonly target: ConformanceTarget;
  readonly spec: ConformanceSpec;
  /** Stops what setup started (simulators, the subgraph). */
  readonly teardown?: () => void | Promise<void>;
}

/** Options of {@link describeConformance}. */
export interface DescribeConformanceOptions {
  /** Timeout of the setup, of each group's test and of the teardown, in milliseconds. @default 30000 */
  readonly timeoutMs?: number;
  /** The groups to define tests for (e.g. to split them over two suites with different hooks). @default all of CONFORMANCE_GROUPS */
  readonly groups?: readonly ConformanceGroup[];
}

type Body = () => unknown;
interface TestGlobals {
  describe(name: string, body: () => void): void;
  it(name: string, body: Body, timeout?: number): void;
  beforeAll(body: Body, timeout?: number): void;
  afterAll(body: Body, timeout?: number): void;
}

const TITLES: Readonly<Record<ConformanceGroup, string>> = {
  federation: 'federation: _service SDL, Federation 2 @link, composes (alone, or with a Query stub), entity keys declared',
  entities: 'entities: found, missing → null, order, duplicates, large batch',
  batching: 'batching: N references cost ≤ ⌈N / maxBatchSize⌉ legacy calls',
  errors: 'errors: registry codes, no internals, BAD_USER_INPUT',
  timeouts: 'timeouts: CONN_UPSTREAM_TIMEOUT within the timeout',
  health: 'health: /healthz and /readyz',
};

/**
 * Defines a suite `name` with one test per check group. `setup` runs once
 * before them (start the simulators and the subgraph there); `teardown` after.
 * @throws Error when the test framework's globals (`describe`, `it`, `beforeAll`, `afterAll`) are absent.
 */
export function describeConformance(name: string, setup: () => Promise<ConformanceSetup>, options: DescribeConformanceOptions = {}): void {
  const globals = globalThis as unknown as Partial<TestGlobals>;
  const { describe, it, beforeAll, afterAll } = globals;
  if (!describe || !it || !beforeAll || !afterAll) {
    throw new Error('describeConformance needs the test framework globals describe, it, beforeAll and afterAll (jest); elsewhere call checkSubgraphConformance and assertConformance');
  }
  const timeout = options.timeoutMs ?? 30_000;
  describe(name, () => {
    let prepared: ConformanceSetup | undefined;
    beforeAll(async () => {
      prepared = await setup();
    }, timeout);
    afterAll(async () => {
      await prepared?.teardown?.();
    }, timeout);
    for (const group of CONFORMANCE_GROUPS.filter((each) => !options.groups || options.groups.includes(each))) {
      it(TITLES[group], async () => {
        if (!prepared) throw new Error('the conformance setup did not complete (see the beforeAll error)');
        const wanted = prepared.spec.groups;
        if (wanted && !wanted.includes(group)) return;
        assertConformance(await checkSubgraphConformance(prepared.target, { ...prepared.spec, groups: [group] }));
      }, timeout);
    }
  });
}
