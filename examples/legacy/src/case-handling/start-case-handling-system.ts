/**
 * The city case-handling system (办件系统) simulator: a REST/JSON API over
 * in-memory cases initialised from the dataset. Unlike the registries it is
 * written to: cases are opened (idempotently, with `Idempotency-Key`) and
 * moved through the workflow of `CASE_TRANSITIONS`. Wire API:
 * examples/legacy/README.md, "City case-handling system".
 */
import type { Dataset } from '../data/types';
import {
  createRestRouter,
  isJsonObject,
  jsonError,
  jsonResponse,
  readJsonBody,
  slicePage,
  startHttpSimulator,
  type FieldProblem,
  type SimulatorHandle,
  type SimulatorListenOptions,
  type SimulatorRequest,
  type SimulatorResponse,
} from '../harness';
import { createCaseStore, type CaseStore } from './case-store';
import { MAX_CASE_BATCH, parseByApplicants, parseCaseListQuery, parseIdempotencyKey, parseNewCase, parseTransition } from './parse-case-requests';

/** Options of {@link startCaseHandlingSystem}. */
export interface CaseHandlingSystemOptions extends SimulatorListenOptions {
  /** The initial cases (a full {@link Dataset} fits). Never mutated: the system keeps its own copy. */
  readonly dataset: Pick<Dataset, 'cases'>;
  /** The clock of new cases and history entries (timestamps are written in UTC+08:00). @default () => new Date() */
  readonly now?: () => Date;
  /** First letters of new case numbers. @default 'SZ' */
  readonly numberPrefix?: string;
}

/** Counted operation names of the case-handling system. */
export const CASE_OPERATIONS = Object.freeze({
  getCase: 'getCase',
  listCases: 'listCases',
  batchGetCases: 'batchGetCases',
  casesByApplicants: 'casesByApplicants',
  createCase: 'createCase',
  transitionCase: 'transitionCase',
  healthz: 'healthz',
});

/**
 * Starts the system. The handle's `url` is the origin (`http://127.0.0.1:PORT`);
 * endpoints live under `/api/v1/cases`.
 */
export async function startCaseHandlingSystem(options: CaseHandlingSystemOptions): Promise<SimulatorHandle> {
  const store = createCaseStore({ cases: options.dataset.cases, now: options.now, numberPrefix: options.numberPrefix });
  const route = createRestRouter([
    { method: 'GET', pattern: '/healthz', operation: CASE_OPERATIONS.healthz, handle: () => jsonResponse(200, { status: 'ok' }) },
    { method: 'GET', pattern: '/api/v1/cases', operation: CASE_OPERATIONS.listCases, handle: (request) => listCases(store, request) },
    { method: 'POST', pattern: '/api/v1/cases', operation: CASE_OPERATIONS.createCase, handle: (request) => createCase(store, request) },
    { method: 'POST', pattern: '/api/v1/cases/batch', operation: CASE_OPERATIONS.batchGetCases, handle: (request) => batchGetCases(store, request) },
    { method: 'POST', pattern: '/api/v1/cases/by-applicants', operation: CASE_OPERATIONS.casesByApplicants, handle: (request) => casesByApplicants(store, request) },
    {
      method: 'GET',
      pattern: '/api/v1/cases/:number',
      operation: CASE_OPERATIONS.getCase,
      handle: (_request, { number = '' }) => {
        const found = store.get(number);
        return found ? jsonResponse(200, found) : notFound(number);
      },
    },
    { method: 'POST', pattern: '/api/v1/cases/:number/transitions', operation: CASE_OPERATIONS.transitionCase, handle: (request, { number = '' }) => transitionCase(store, request, number) },
  ]);
  return startHttpSimulator({
    ...options,
    name: 'case-handling-system',
    route,
    injectedError: () => jsonError(500, 'INTERNAL_ERROR', 'the case-handling system failed (injected)'),
  });
}

function listCases(store: CaseStore, request: SimulatorRequest): SimulatorResponse {
  const parsed = parseCaseListQuery(request.url.searchParams);
  if (!parsed.ok) return invalid(parsed.problems);
  const matches = store.list(parsed.value.filter);
  const { page, pageSize } = parsed.value.page;
  return jsonResponse(200, { page, pageSize, total: matches.length, items: slicePage(matches, parsed.value.page) });
}

function batchGetCases(store: CaseStore, request: SimulatorRequest): SimulatorResponse {
  const body = readJsonBody(request);
  if (!body.ok) return body.response;
  const numbers = isJsonObject(body.value) ? body.value['numbers'] : undefined;
  if (!Array.isArray(numbers) || !numbers.every((n): n is string => typeof n === 'string')) return invalid([{ field: 'numbers', message: 'must be an array of strings' }]);
  if (numbers.length > MAX_CASE_BATCH) return jsonError(400, 'TOO_MANY_KEYS', `at most ${MAX_CASE_BATCH} case numbers per request, got ${numbers.length}`);
  return jsonResponse(200, { items: store.getMany(numbers) });
}

function casesByApplicants(store: CaseStore, request: SimulatorRequest): SimulatorResponse {
  const body = readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = parseByApplicants(body.value);
  if (!parsed.ok) return parsed.tooMany ? jsonError(400, 'TOO_MANY_KEYS', parsed.problems[0]?.message ?? 'too many keys') : invalid(parsed.problems);
  const { applicantIds, ...options } = parsed.value;
  return jsonResponse(200, { items: store.byApplicants(applicantIds, options) });
}

function createCase(store: CaseStore, request: SimulatorRequest): SimulatorResponse {
  const key = parseIdempotencyKey(request.headers['idempotency-key']);
  if (!key.ok) return invalid(key.problems);
  const body = readJsonBody(request);
  if (!body.ok) return body.response;
  const input = parseNewCase(body.value);
  if (!input.ok) return invalid(input.problems);
  const result = store.create(input.value, key.value);
  switch (result.outcome) {
    case 'created':
      return jsonResponse(201, result.case, { location: `/api/v1/cases/${encodeURIComponent(result.case.number)}` });
    case 'replayed':
      return jsonResponse(200, result.case, { location: `/api/v1/cases/${encodeURIComponent(result.case.number)}` });
    case 'key-reused':
      return jsonError(422, 'IDEMPOTENCY_KEY_REUSED', `Idempotency-Key was already used for a different request (case ${result.number})`);
  }
}

function transitionCase(store: CaseStore, request: SimulatorRequest, number: string): SimulatorResponse {
  const body = readJsonBody(request);
  if (!body.ok) return body.response;
  const change = parseTransition(body.value);
  if (!change.ok) return invalid(change.problems);
  const result = store.transition(number, change.value);
  switch (result.outcome) {
    case 'moved':
      return jsonResponse(200, result.case);
    case 'not-found':
      return notFound(number);
    case 'not-allowed':
      return jsonError(409, 'TRANSITION_NOT_ALLOWED', `cannot move case ${number} from ${result.from} to ${change.value.to}`);
  }
}

function notFound(number: string): SimulatorResponse {
  return jsonError(404, 'NOT_FOUND', `no case with number ${number}`);
}

function invalid(problems: readonly FieldProblem[]): SimulatorResponse {
  return jsonError(400, 'INVALID_ARGUMENT', problems.map((p) => (p.message.startsWith(p.field) ? p.message : `${p.field} ${p.message}`)).join('; '), problems);
}
