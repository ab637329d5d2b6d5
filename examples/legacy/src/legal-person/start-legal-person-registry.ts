/**
 * The legal-person registry (法人库) simulator: a REST/JSON API over the
 * dataset's enterprises, as provincial market-regulation systems expose it.
 * Wire API: examples/legacy/README.md, "Legal-person registry".
 */
import type { Dataset, EnterpriseStatus } from '../data/types';
import {
  createRestRouter,
  isJsonObject,
  jsonError,
  jsonResponse,
  parsePagination,
  readJsonBody,
  slicePage,
  startHttpSimulator,
  type FieldProblem,
  type SimulatorHandle,
  type SimulatorListenOptions,
  type SimulatorRequest,
  type SimulatorResponse,
} from '../harness';
import { createEnterpriseDirectory, type EnterpriseDirectory } from './enterprise-directory';

/** Options of {@link startLegalPersonRegistry}. */
export interface LegalPersonRegistryOptions extends SimulatorListenOptions {
  /** The enterprises served (a full {@link Dataset} fits). */
  readonly dataset: Pick<Dataset, 'enterprises'>;
}

/** Counted operation names of the legal-person registry. */
export const LEGAL_PERSON_OPERATIONS = Object.freeze({
  listEnterprises: 'listEnterprises',
  getEnterprise: 'getEnterprise',
  batchGetEnterprises: 'batchGetEnterprises',
  healthz: 'healthz',
});

/** Most credit codes one batch request may carry. */
export const MAX_ENTERPRISE_BATCH = 100;

const STATUSES: readonly EnterpriseStatus[] = ['active', 'revoked', 'cancelled'];

/**
 * Starts the registry. The handle's `url` is the origin (`http://127.0.0.1:PORT`);
 * endpoints live under `/api/v1/enterprises`.
 */
export async function startLegalPersonRegistry(options: LegalPersonRegistryOptions): Promise<SimulatorHandle> {
  const directory = createEnterpriseDirectory(options.dataset.enterprises);
  const route = createRestRouter([
    { method: 'GET', pattern: '/healthz', operation: LEGAL_PERSON_OPERATIONS.healthz, handle: () => jsonResponse(200, { status: 'ok' }) },
    { method: 'GET', pattern: '/api/v1/enterprises', operation: LEGAL_PERSON_OPERATIONS.listEnterprises, handle: (request) => listEnterprises(directory, request) },
    { method: 'POST', pattern: '/api/v1/enterprises/batch', operation: LEGAL_PERSON_OPERATIONS.batchGetEnterprises, handle: (request) => batchGetEnterprises(directory, request) },
    {
      method: 'GET',
      pattern: '/api/v1/enterprises/:creditCode',
      operation: LEGAL_PERSON_OPERATIONS.getEnterprise,
      handle: (_request, { creditCode = '' }) => {
        const enterprise = directory.get(creditCode);
        return enterprise ? jsonResponse(200, enterprise) : jsonError(404, 'NOT_FOUND', `no enterprise with credit code ${creditCode}`);
      },
    },
  ]);
  return startHttpSimulator({
    ...options,
    name: 'legal-person-registry',
    route,
    injectedError: () => jsonError(500, 'INTERNAL_ERROR', 'the legal-person registry failed (injected)'),
  });
}

function listEnterprises(directory: EnterpriseDirectory, request: SimulatorRequest): SimulatorResponse {
  const query = request.url.searchParams;
  const pagination = parsePagination(query.get('page') ?? undefined, query.get('pageSize') ?? undefined);
  const problems: FieldProblem[] = pagination.ok ? [] : [...pagination.problems];
  const status = query.get('status') ?? undefined;
  if (status !== undefined && !STATUSES.includes(status as EnterpriseStatus)) {
    problems.push({ field: 'status', message: `status must be one of ${STATUSES.join(', ')}, got ${JSON.stringify(status)}` });
  }
  if (!pagination.ok || problems.length > 0) return jsonError(400, 'INVALID_ARGUMENT', problems.map((p) => p.message).join('; '), problems);
  const matches = directory.list({
    name: nonEmpty(query.get('name')),
    status: status as EnterpriseStatus | undefined,
    legalRepresentativeIdNumber: nonEmpty(query.get('legalRepresentativeIdNumber')),
  });
  const { page, pageSize } = pagination.value;
  return jsonResponse(200, { page, pageSize, total: matches.length, items: slicePage(matches, pagination.value) });
}

function batchGetEnterprises(directory: EnterpriseDirectory, request: SimulatorRequest): SimulatorResponse {
  const body = readJsonBody(request);
  if (!body.ok) return body.response;
  const codes = isJsonObject(body.value) ? body.value['creditCodes'] : undefined;
  if (!Array.isArray(codes) || !codes.every((code): code is string => typeof code === 'string')) {
    return jsonError(400, 'INVALID_ARGUMENT', 'body must be { "creditCodes": string[] }', [{ field: 'creditCodes', message: 'must be an array of strings' }]);
  }
  if (codes.length > MAX_ENTERPRISE_BATCH) {
    return jsonError(400, 'TOO_MANY_KEYS', `at most ${MAX_ENTERPRISE_BATCH} credit codes per request, got ${codes.length}`);
  }
  return jsonResponse(200, { items: directory.getMany(codes) });
}

function nonEmpty(value: string | null): string | undefined {
  return value === null || value === '' ? undefined : value;
}

