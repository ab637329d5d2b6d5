import { ConflictError } from '@govgraph/sdk';
import { CaseStatus } from '../case-status';
import { allowedTransitionsFrom, assertTransitionAllowed, CASE_WORKFLOW } from '../case-workflow';

describe('the case workflow', () => {
  it('allows exactly the moves of the case-handling workflow', () => {
    expect(CASE_WORKFLOW).toEqual({
      SUBMITTED: ['ACCEPTED', 'REJECTED', 'WITHDRAWN'],
      ACCEPTED: ['IN_REVIEW', 'WITHDRAWN'],
      IN_REVIEW: ['APPROVED', 'REJECTED'],
      APPROVED: ['COMPLETED'],
      REJECTED: [],
      COMPLETED: [],
      WITHDRAWN: [],
    });
    expect(Object.keys(CASE_WORKFLOW).sort()).toEqual(Object.values(CaseStatus).sort());
    expect(Object.isFrozen(CASE_WORKFLOW[CaseStatus.SUBMITTED])).toBe(true);
  });

  it('lets an allowed move pass', () => {
    expect(() => assertTransitionAllowed('SZ1', CaseStatus.APPROVED, CaseStatus.COMPLETED)).not.toThrow();
    expect(allowedTransitionsFrom(CaseStatus.ACCEPTED)).toEqual(['IN_REVIEW', 'WITHDRAWN']);
  });

  it('refuses a forbidden move with a conflict naming the case, the statuses and the allowed ones', () => {
    let error: unknown;
    try {
      assertTransitionAllowed('SZ2025030400001', CaseStatus.SUBMITTED, CaseStatus.COMPLETED);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      code: 'SDK_CONFLICT',
      message: 'Case SZ2025030400001 cannot move from SUBMITTED to COMPLETED; allowed: ACCEPTED, REJECTED, WITHDRAWN',
      details: { number: 'SZ2025030400001', from: 'SUBMITTED', to: 'COMPLETED', allowed: ['ACCEPTED', 'REJECTED', 'WITHDRAWN'] },
    });
    expect(() => assertTransitionAllowed('SZ1', CaseStatus.WITHDRAWN, CaseStatus.WITHDRAWN)).toThrow('Case SZ1 cannot move from WITHDRAWN to WITHDRAWN; allowed: none');
  });
});
