/**
 * The case-handling system's wire API (`/api/v1/cases…`), in one place:
 * paths, bodies, headers, operation names for logs, batch limits, and the
 * mapping of every answer. Resolvers and loaders call these functions and
 * never build a path themselves.
 */
import { pathSegment, type RestSource } from '@govgraph/connector-rest';
import type { CaseStatus } from './case-status';
import type { Case } from './case.type';
import { toCase, toCaseList, toCasePage, toLegacyStatus, type LegacyHolderKind } from './case.mapping';

/** The most case numbers or applicant ids the system accepts in one batch call. */
export const CASE_BATCH_LIMIT = 100;

const CASES_PATH = '/api/v1/cases';

/** Filters and page of a case listing. */
export interface CaseListRequest {
  readonly applicantId?: string | undefined;
  readonly status?: CaseStatus | undefined;
  readonly page: number;
  readonly pageSize: number;
}

/** A new case, as the system takes it. */
export interface CaseSubmission {
  readonly applicantKind: LegacyHolderKind;
  readonly applicantId: string;
  readonly serviceCode: string;
  readonly note: string | null;
}

/** A status change, as the system takes it. */
export interface CaseTransitionRequest {
  readonly to: CaseStatus;
  readonly note: string | null;
  readonly resultLicenceNumbers?: readonly string[] | undefined;
}

/** The calls of the case-handling system. Every method throws the connector's taxonomy errors. */
export interface CaseHandlingClient {
  /** `GET /api/v1/cases/:number`; `NotFoundError` when there is no such case. */
  getCase(number: string): Promise<Case>;
  /** `POST /api/v1/cases/batch`: the cases found, in any order (at most {@link CASE_BATCH_LIMIT} numbers). */
  batchGetCases(numbers: readonly string[]): Promise<Case[]>;
  /** `GET /api/v1/cases?applicantId&status&page&pageSize`: newest first. */
  listCases(request: CaseListRequest): Promise<{ items: Case[]; total: number }>;
  /** `POST /api/v1/cases/by-applicants`: every case of these applicants (at most {@link CASE_BATCH_LIMIT} ids). */
  casesByApplicants(applicantIds: readonly string[]): Promise<Case[]>;
  /** `POST /api/v1/cases`, with `Idempotency-Key` when given: the case opened (or the one a repeat opened). */
  submitCase(submission: CaseSubmission, idempotencyKey?: string): Promise<Case>;
  /** `POST /api/v1/cases/:number/transitions`: the case after the move. */
  transitionCase(number: string, change: CaseTransitionRequest): Promise<Case>;
}

/** Wraps the subgraph's REST source. Cheap: holds nothing but the source. */
export function createCaseHandlingClient(source: RestSource): CaseHandlingClient {
  return {
    async getCase(number) {
      return toCase(await source.get(`${CASES_PATH}/${pathSegment(number)}`, undefined, { operation: 'getCase' }));
    },
    async batchGetCases(numbers) {
      assertBatch('batchGetCases', numbers.length);
      return toCaseList(await source.post(`${CASES_PATH}/batch`, { numbers }, { operation: 'batchGetCases' }));
    },
    async listCases({ applicantId, status, page, pageSize }) {
      const query = { applicantId, status: status === undefined ? undefined : toLegacyStatus(status), page, pageSize };
      return toCasePage(await source.get(CASES_PATH, query, { operation: 'listCases' }));
    },
    async casesByApplicants(applicantIds) {
      assertBatch('casesByApplicants', applicantIds.length);
      return toCaseList(await source.post(`${CASES_PATH}/by-applicants`, { applicantIds }, { operation: 'casesByApplicants' }));
    },
    async submitCase(submission, idempotencyKey) {
      const headers = idempotencyKey === undefined ? undefined : { 'idempotency-key': idempotencyKey };
      return toCase(await source.post(CASES_PATH, submission, { operation: 'createCase', ...(headers ? { headers } : {}) }));
    },
    async transitionCase(number, { to, note, resultLicenceNumbers }) {
      const body = { to: toLegacyStatus(to), note, ...(resultLicenceNumbers === undefined ? {} : { resultLicenceNumbers }) };
      return toCase(await source.post(`${CASES_PATH}/${pathSegment(number)}/transitions`, body, { operation: 'transitionCase' }));
    },
  };
}

/** Loaders cap their batches at the limit; a larger one is a programming mistake, not a client's. */
function assertBatch(operation: string, size: number): void {
  if (size > CASE_BATCH_LIMIT) throw new Error(`${operation}: at most ${CASE_BATCH_LIMIT} keys per call, got ${size}`);
}
