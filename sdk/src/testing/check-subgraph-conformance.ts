/**
 * `checkSubgraphConformance`: runs the conformance kit against a
 * department's subgraph before go-live and reports, per check, what is wrong
 * and what to fix. Framework-agnostic: it returns a report; use
 * `assertConformance` to throw, or `describeConformance` under jest.
 */
import { createConformanceClient } from './conformance-client';
import { createConformanceRun, type ConformanceRun } from './conformance-run';
import { CONFORMANCE_GROUPS, type ConformanceCheck, type ConformanceGroup, type ConformanceReport, type ConformanceSpec, type ConformanceTarget } from './conformance-spec';
import { runBatchingChecks } from './batching-checks';
import { runEntityChecks } from './entity-checks';
import { runErrorChecks } from './error-checks';
import { runFederationChecks } from './federation-checks';
import { runHealthChecks } from './health-checks';
import { runTimeoutChecks } from './timeout-checks';

const RUNNERS: Readonly<Record<ConformanceGroup, (run: ConformanceRun) => Promise<ConformanceCheck[]>>> = {
  federation: runFederationChecks,
  entities: runEntityChecks,
  batching: runBatchingChecks,
  errors: runErrorChecks,
  timeouts: runTimeoutChecks,
  health: runHealthChecks,
};

/**
 * Checks `target` against the federation, entity, batching, error, timeout
 * and health contracts the gateway relies on; see {@link ConformanceSpec}.
 * Never throws for a non-conforming subgraph (that is what the report says);
 * throws a `TypeError` listing every problem of an invalid spec.
 */
export async function checkSubgraphConformance(target: ConformanceTarget, spec: ConformanceSpec): Promise<ConformanceReport> {
  assertSpec(spec);
  const client = await createConformanceClient(target, spec.requestTimeoutMs ?? 10_000, spec.headers);
  const run = createConformanceRun(client, spec);
  const checks: ConformanceCheck[] = [];
  const groups = spec.groups ?? CONFORMANCE_GROUPS;
  for (const group of CONFORMANCE_GROUPS) {
    if (!groups.includes(group)) continue;
    try {
      checks.push(...(await RUNNERS[group](run)));
    } catch (error) {
      checks.push({ group, name: `${group} checks ran`, passed: false, problem: `the checks stopped with ${(error as Error).stack ?? String(error)}` });
    }
  }
  return { target: client.label, passed: checks.every((each) => each.passed), checks };
}

function assertSpec(spec: ConformanceSpec): void {
  const problems: string[] = [];
  if (spec === null || typeof spec !== 'object') throw new TypeError('checkSubgraphConformance: spec must be an object');
  if (spec.entities === null || typeof spec.entities !== 'object') problems.push('entities must be an object of entity types to keys to sample values');
  const positive = (option: string, value: number | undefined) => {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) problems.push(`${option} must be a positive integer, got ${JSON.stringify(value)}`);
  };
  positive('maxBatchSize', spec.maxBatchSize);
  positive('largeBatchSize', spec.largeBatchSize);
  positive('timeoutMs', spec.timeoutMs);
  positive('requestTimeoutMs', spec.requestTimeoutMs);
  if (spec.timeoutMarginMs !== undefined && !(spec.timeoutMarginMs >= 0)) problems.push(`timeoutMarginMs must be ≥ 0, got ${JSON.stringify(spec.timeoutMarginMs)}`);
  if (spec.headers !== undefined && (spec.headers === null || (typeof spec.headers !== 'function' && typeof spec.headers !== 'object'))) {
    problems.push('headers must be an object of header names to values, or a function returning one');
  }
  for (const [typename, keys] of Object.entries(spec.entities ?? {})) {
    for (const [fields, samples] of Object.entries(keys ?? {})) {
      const selection = Array.isArray(samples) ? undefined : (samples as { selection?: unknown }).selection;
      if (selection !== undefined && (typeof selection !== 'string' || selection.trim() === '')) {
        problems.push(`entities.${typename}[${JSON.stringify(fields)}].selection must be a non-empty selection of fields (e.g. 'socialInsurance { status }'), got ${JSON.stringify(selection)}`);
      }
    }
  }
  if ((spec.breakUpstream || spec.slowUpstream) && !spec.restoreUpstream) problems.push('breakUpstream and slowUpstream need restoreUpstream, so later checks see a working legacy system');
  for (const group of spec.groups ?? []) {
    if (!(CONFORMANCE_GROUPS as readonly string[]).includes(group)) problems.push(`groups: unknown group ${JSON.stringify(group)} (one of ${CONFORMANCE_GROUPS.join(', ')})`);
  }
  if (problems.length > 0) throw new TypeError(`checkSubgraphConformance: invalid spec (${problems.length} problem(s)): ${problems.join('; ')}`);
}
