/**
 * Validation of the case system's request bodies and query strings. The
 * system does not know the other registries: it checks shapes only (an
 * applicant id is 18 characters of the right alphabet, a status is one of
 * the workflow's), and reports every problem of a request at once.
 */
import type { CaseStatus, HolderKind } from '../data/types';
import { isJsonObject, parsePagination, type FieldProblem, type PageRequest } from '../harness';
import type { CaseFilter, CaseTransition, NewCase } from './case-store';

/** A parsed value or every problem found. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly FieldProblem[] };

/** All workflow states. */
export const CASE_STATUSES: readonly CaseStatus[] = Object.freeze(['submitted', 'accepted', 'in_review', 'approved', 'rejected', 'completed', 'withdrawn']);

/** Most keys of a batch request. */
export const MAX_CASE_BATCH = 100;

/** Longest note accepted. */
export const MAX_NOTE_LENGTH = 500;

const PERSON_ID = /^\d{17}[\dX]$/;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const SERVICE_CODE = /^[0-9A-Za-z][0-9A-Za-z-]{0,63}$/;
const LICENCE_NUMBER = /^[0-9A-Za-z][0-9A-Za-z-]{0,63}$/;

/** Body of `POST /api/v1/cases`. */
export function parseNewCase(body: unknown): Parsed<NewCase> {
  if (!isJsonObject(body)) return fail('body', 'must be a JSON object');
  const problems: FieldProblem[] = [];
  const { applicantKind, applicantId, serviceCode } = body;
  if (applicantKind !== 'person' && applicantKind !== 'enterprise') problems.push({ field: 'applicantKind', message: 'must be "person" or "enterprise"' });
  if (typeof applicantId !== 'string') {
    problems.push({ field: 'applicantId', message: 'must be a string' });
  } else if (applicantKind === 'person' && !PERSON_ID.test(applicantId)) {
    problems.push({ field: 'applicantId', message: 'must be an 18-character resident ID number (17 digits, then a digit or X)' });
  } else if (applicantKind === 'enterprise' && !CREDIT_CODE.test(applicantId)) {
    problems.push({ field: 'applicantId', message: 'must be an 18-character unified social credit code' });
  } else if (applicantId.length !== 18) {
    problems.push({ field: 'applicantId', message: 'must be 18 characters' });
  }
  if (typeof serviceCode !== 'string' || !SERVICE_CODE.test(serviceCode)) problems.push({ field: 'serviceCode', message: 'must be an item code such as 320100-XK-0012' });
  const note = parseNote(body['note'], problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { applicantKind: applicantKind as HolderKind, applicantId: applicantId as string, serviceCode: serviceCode as string, note } };
}

/** Body of `POST /api/v1/cases/:number/transitions`. */
export function parseTransition(body: unknown): Parsed<CaseTransition> {
  if (!isJsonObject(body)) return fail('body', 'must be a JSON object');
  const problems: FieldProblem[] = [];
  const to = body['to'];
  if (!isCaseStatus(to)) problems.push({ field: 'to', message: `must be one of ${CASE_STATUSES.join(', ')}` });
  const note = parseNote(body['note'], problems);
  const numbers = body['resultLicenceNumbers'];
  if (numbers !== undefined && numbers !== null) {
    if (!Array.isArray(numbers) || !numbers.every((n): n is string => typeof n === 'string' && LICENCE_NUMBER.test(n))) {
      problems.push({ field: 'resultLicenceNumbers', message: 'must be an array of licence numbers' });
    } else if (numbers.length > MAX_CASE_BATCH) {
      problems.push({ field: 'resultLicenceNumbers', message: `at most ${MAX_CASE_BATCH} licence numbers` });
    } else if (to !== 'completed') {
      problems.push({ field: 'resultLicenceNumbers', message: 'only allowed when moving to completed' });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const resultLicenceNumbers = Array.isArray(numbers) ? (numbers as string[]) : undefined;
  return { ok: true, value: { to: to as CaseStatus, note, ...(resultLicenceNumbers ? { resultLicenceNumbers } : {}) } };
}

/** Body of `POST /api/v1/cases/by-applicants`. `tooMany` is set when only the key count is wrong. */
export function parseByApplicants(body: unknown): Parsed<{ applicantIds: string[]; status?: CaseStatus; limitPerApplicant?: number }> & { tooMany?: boolean } {
  if (!isJsonObject(body)) return fail('body', 'must be a JSON object');
  const problems: FieldProblem[] = [];
  const { applicantIds, status, limitPerApplicant } = body;
  if (!Array.isArray(applicantIds) || !applicantIds.every((id): id is string => typeof id === 'string')) problems.push({ field: 'applicantIds', message: 'must be an array of strings' });
  if (status !== undefined && status !== null && !isCaseStatus(status)) problems.push({ field: 'status', message: `must be one of ${CASE_STATUSES.join(', ')}` });
  if (limitPerApplicant !== undefined && limitPerApplicant !== null && (!Number.isInteger(limitPerApplicant) || (limitPerApplicant as number) < 1 || (limitPerApplicant as number) > 1000)) {
    problems.push({ field: 'limitPerApplicant', message: 'must be an integer from 1 to 1000' });
  }
  if (problems.length > 0) return { ok: false, problems };
  const ids = applicantIds as string[];
  if (ids.length > MAX_CASE_BATCH) return { ok: false, tooMany: true, problems: [{ field: 'applicantIds', message: `at most ${MAX_CASE_BATCH} applicant ids per request, got ${ids.length}` }] };
  return {
    ok: true,
    value: {
      applicantIds: ids,
      ...(isCaseStatus(status) ? { status } : {}),
      ...(typeof limitPerApplicant === 'number' ? { limitPerApplicant } : {}),
    },
  };
}

/** Query of `GET /api/v1/cases`. Empty parameters count as absent. */
export function parseCaseListQuery(query: URLSearchParams): Parsed<{ filter: CaseFilter; page: PageRequest }> {
  const problems: FieldProblem[] = [];
  const pagination = parsePagination(query.get('page') ?? undefined, query.get('pageSize') ?? undefined);
  if (!pagination.ok) problems.push(...pagination.problems);
  const status = query.get('status') || undefined;
  if (status !== undefined && !isCaseStatus(status)) problems.push({ field: 'status', message: `must be one of ${CASE_STATUSES.join(', ')}` });
  if (!pagination.ok || problems.length > 0) return { ok: false, problems };
  const filter: CaseFilter = {
    ...(query.get('applicantId') ? { applicantId: query.get('applicantId') as string } : {}),
    ...(status ? { status: status as CaseStatus } : {}),
    ...(query.get('serviceCode') ? { serviceCode: query.get('serviceCode') as string } : {}),
  };
  return { ok: true, value: { filter, page: pagination.value } };
}

/** Idempotency-Key header: 1–200 visible ASCII characters. */
export function parseIdempotencyKey(header: string | string[] | undefined): Parsed<string | undefined> {
  if (header === undefined) return { ok: true, value: undefined };
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || !/^[\x21-\x7e]{1,200}$/.test(key)) return fail('Idempotency-Key', 'must be 1 to 200 visible ASCII characters');
  return { ok: true, value: key };
}

/** True for a workflow state name. */
export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}

function parseNote(note: unknown, problems: FieldProblem[]): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note !== 'string' || note.length > MAX_NOTE_LENGTH) {
    problems.push({ field: 'note', message: `must be a string of at most ${MAX_NOTE_LENGTH} characters` });
    return null;
  }
  return note;
}

function fail(field: string, message: string): { ok: false; problems: FieldProblem[] } {
  return { ok: false, problems: [{ field, message }] };
}
