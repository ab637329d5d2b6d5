/**
 * The per-request loaders of the cases subgraph (created for each request by
 * `createSubgraph`, never shared): sibling fields and list items that need
 * cases are gathered into one call per {@link CASE_BATCH_LIMIT} keys.
 */
import { maxBatchSizeOf, createBatchLoader, createGroupedLoader, type LoaderFactoryContext } from '@govgraph/sdk';
import type { CasesSources } from '../sources';
import type { ApplicantReference } from '../applicant/applicant.type';
import { CASE_BATCH_LIMIT, createCaseHandlingClient } from './case-handling-client';
import type { Case } from './case.type';

/** This request's loaders. */
export interface CasesLoaders {
  /** A case by number, `null` when there is none: `POST /api/v1/cases/batch`. */
  readonly caseByNumber: ReturnType<typeof createBatchLoader<string, Case>>;
  /**
   * Every case of an applicant (newest first), keyed by the applicant
   * reference: `POST /api/v1/cases/by-applicants`. Persons and enterprises
   * share the loader; a case belongs to the key of its own applicant kind.
   */
  readonly casesByApplicant: ReturnType<typeof createGroupedLoader<ApplicantReference, Case>>;
}

/** The `loaders` factory of the cases subgraph. */
export function createCasesLoaders({ sources }: LoaderFactoryContext<CasesSources>): CasesLoaders {
  const client = createCaseHandlingClient(sources.caseHandling);
  return {
    caseByNumber: createBatchLoader({
      name: 'caseByNumber',
      batch: (numbers) => client.batchGetCases(numbers),
      keyOf: (found: Case) => found.number,
      maxBatchSize: maxBatchSizeOf(sources.caseHandling, CASE_BATCH_LIMIT),
    }),
    casesByApplicant: createGroupedLoader({
      name: 'casesByApplicant',
      batch: (applicants) => client.casesByApplicants([...new Set(applicants.map(applicantIdOf))]),
      groupOf: (found: Case) => found.applicant,
      cacheKeyOf: (applicant) => `${applicant.__typename}:${applicantIdOf(applicant)}`,
      maxBatchSize: maxBatchSizeOf(sources.caseHandling, CASE_BATCH_LIMIT),
    }),
  };
}

/** The applicant's id as the case-handling system stores it. */
export function applicantIdOf(applicant: ApplicantReference): string {
  return applicant.__typename === 'Person' ? applicant.idNumber : applicant.creditCode;
}
