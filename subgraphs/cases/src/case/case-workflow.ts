/**
 * The case workflow, defined once for this subgraph: from each status, the
 * statuses a case may move to. `transitionCase` refuses other moves before
 * calling the case-handling system (which keeps its own copy of the rules,
 * as a separate system does), and `Case.allowedTransitions` shows them.
 */
import { ConflictError } from '@govgraph/sdk';
import { CaseStatus } from './case-status';

/** From each status, the statuses it may move to. Terminal states map to `[]`. */
export const CASE_WORKFLOW: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = Object.freeze({
  [CaseStatus.SUBMITTED]: Object.freeze([CaseStatus.ACCEPTED, CaseStatus.REJECTED, CaseStatus.WITHDRAWN]),
  [CaseStatus.ACCEPTED]: Object.freeze([CaseStatus.IN_REVIEW, CaseStatus.WITHDRAWN]),
  [CaseStatus.IN_REVIEW]: Object.freeze([CaseStatus.APPROVED, CaseStatus.REJECTED]),
  [CaseStatus.APPROVED]: Object.freeze([CaseStatus.COMPLETED]),
  [CaseStatus.REJECTED]: Object.freeze([]),
  [CaseStatus.COMPLETED]: Object.freeze([]),
  [CaseStatus.WITHDRAWN]: Object.freeze([]),
});

/** The statuses a case in `status` may move to, in workflow order. */
export function allowedTransitionsFrom(status: CaseStatus): readonly CaseStatus[] {
  return CASE_WORKFLOW[status];
}

/**
 * The error for a move the workflow forbids, naming the case, where it is
 * and where it may go, e.g. `Case SZ2025… cannot move from COMPLETED to ACCEPTED; allowed: none`.
 */
export function transitionNotAllowedError(number: string, from: CaseStatus, to: CaseStatus, cause?: unknown): ConflictError {
  const allowed = allowedTransitionsFrom(from);
  return new ConflictError(`Case ${number} cannot move from ${from} to ${to}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none'}`, {
    ...(cause === undefined ? {} : { cause }),
    details: { number, from, to, allowed: [...allowed] },
  });
}

/** Throws {@link transitionNotAllowedError} unless the workflow allows `from` → `to`. */
export function assertTransitionAllowed(number: string, from: CaseStatus, to: CaseStatus): void {
  if (!allowedTransitionsFrom(from).includes(to)) throw transitionNotAllowedError(number, from, to);
}
