/**
 * The grant check of step 4 (ARCHITECTURE.md): a coordinate is allowed when
 * one of the application's live grants covers it (the coordinate is listed,
 * or a subgraph serving it is listed as `subgraph:<name>`), the coordinate's
 * grade is at most the grant's `maxGrade`, and, when the caller declared a
 * purpose, it is the grant's purpose. Each check is a set look-up, so the
 * cost is O(coordinates × grants of this application), whatever the number
 * of applications.
 */
import { gradeRank, type DataGrade } from '../stores/data-grade';
import type { MaskRule } from '../stores/mask-rule';
import type { CompiledGrant } from '../stores/registry-snapshot';
import type { FieldPolicies, FieldPolicy } from './field-policies';

/** The grant target that opens introspection (`__schema`, `__type`). */
export const INTROSPECTION_TARGET = 'introspection';

/** Why a coordinate is refused. */
export type DenialReason = 'not-granted' | 'grade' | 'purpose';

/** One refused coordinate (`extensions.denied` of a FORBIDDEN error). */
export interface DeniedCoordinate {
  readonly coordinate: string;
  readonly reason: DenialReason;
  readonly grade: DataGrade;
}

/** Input of {@link evaluateGrants}. */
export interface GrantEvaluationInput {
  readonly coordinates: readonly string[];
  readonly introspection: boolean;
  readonly policies: FieldPolicies;
  /** The application's live grants. */
  readonly grants: readonly CompiledGrant[];
  readonly purpose: string | undefined;
  /** Whether a verified end-user token came with the request. */
  readonly hasEndUser: boolean;
}

/** The verdict. */
export interface GrantEvaluation {
  readonly denied: readonly DeniedCoordinate[];
  /** Allowed only under grants that require an end user, and none came. */
  readonly endUserRequired: readonly string[];
  /** The grants the operation relies on. */
  readonly usedGrants: readonly CompiledGrant[];
  /** Coordinates with a mask rule none of their grants clears. */
  readonly maskedCoordinates: ReadonlyMap<string, MaskRule>;
}

/** The policy of a coordinate the supergraph does not describe: L1, served by no known subgraph. */
function unknownPolicy(coordinate: string): FieldPolicy {
  return { coordinate, subgraphs: [], grade: 'L1' };
}

/** Checks every coordinate against the grants. */
export function evaluateGrants(input: GrantEvaluationInput): GrantEvaluation {
  const { policies, grants, purpose, hasEndUser } = input;
  const denied: DeniedCoordinate[] = [];
  const endUserRequired: string[] = [];
  const used = new Set<CompiledGrant>();
  const masked = new Map<string, MaskRule>();

  const check = (coordinate: string, policy: FieldPolicy, covers: (grant: CompiledGrant) => boolean): void => {
    let reason: DenialReason = 'not-granted';
    const usable: CompiledGrant[] = [];
    let needsEndUser = false;
    for (const grant of grants) {
      if (!covers(grant)) continue;
      if (gradeRank(policy.grade) > gradeRank(grant.maxGrade)) {
        if (reason === 'not-granted') reason = 'grade';
        continue;
      }
      if (purpose !== undefined && grant.purpose !== purpose) {
        reason = 'purpose';
        continue;
      }
      if (grant.requireEndUser && !hasEndUser) {
        needsEndUser = true;
        continue;
      }
      usable.push(grant);
    }
    if (usable.length === 0) {
      if (needsEndUser) endUserRequired.push(coordinate);
      else denied.push({ coordinate, reason, grade: policy.grade });
      return;
    }
    for (const grant of usable) used.add(grant);
    if (policy.mask && !usable.some((grant) => grant.unmask.has(policy.mask as MaskRule))) masked.set(coordinate, policy.mask);
  };

  if (input.introspection) {
    check('introspection', unknownPolicy('introspection'), (grant) => grant.allowedCoordinates.has(INTROSPECTION_TARGET));
  }
  for (const coordinate of input.coordinates) {
    const policy = policies.get(coordinate) ?? unknownPolicy(coordinate);
    check(coordinate, policy, (grant) => grant.allowedCoordinates.has(coordinate) || policy.subgraphs.some((s) => grant.allowedSubgraphs.has(s)));
  }
  return { denied, endUserRequired, usedGrants: [...used], maskedCoordinates: masked };
}
