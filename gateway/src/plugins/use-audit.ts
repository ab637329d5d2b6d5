/**
 * Step 8 of the request pipeline (ARCHITECTURE.md): one audit record per
 * operation (application, end user's subject hashed, operation name and
 * document hash, coordinates with grades, purpose, outcome, duration,
 * subgraphs called, request id), refused ones included, handed to the
 * {@link BufferedAudit} without waiting for the store. Before execution, an
 * operation touching L3/L4 data is refused with 503 `GW_AUDIT_UNAVAILABLE`
 * when the buffer cannot take its record (fail closed).
 */
import type { DocumentNode, ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { GW_ERRORS } from '../errors';
import type { BufferedAudit } from '../policy/buffered-audit';
import { findRequestAccess, requestAccessOf, type AuditOutcome, type RequestAccess } from '../policy/request-access';
import { sha256Hex } from '../policy/sha256-hex';
import type { AuditRecordInput } from '../stores/audit-sink';
import type { GatewayContext } from './types';

/** Options of {@link useAudit}. */
export interface AuditOptions {
  readonly audit: BufferedAudit;
  /** The id of the request in progress (the gateway's request scope). @default none: records carry '' */
  readonly currentRequestId?: () => string | undefined;
}

const OUTCOME_OF_CODE: Readonly<Record<string, AuditOutcome>> = {
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'denied',
  GW_RATE_LIMITED: 'rate-limited',
  GW_QUOTA_EXCEEDED: 'rate-limited',
};

/** Records every operation; refuses L3/L4 operations the audit cannot take. */
export function useAudit(options: AuditOptions): Plugin<GatewayContext> {
  const { audit } = options;
  // The parser cache hands every request of one document the same DocumentNode: hash its text once.
  const hashes = new WeakMap<DocumentNode, { readonly text: string; readonly hash: string }>();
  const hashOf = (document: DocumentNode, text: string): string => {
    const known = hashes.get(document);
    if (known !== undefined && known.text === text) return known.hash;
    const hash = sha256Hex(text);
    hashes.set(document, { text, hash });
    return hash;
  };
  return {
    onParams({ request, params }) {
      // Runs after the persisted-operation look-up: the document is the one that runs.
      const state = requestAccessOf(request);
      if (typeof params.query === 'string') state.document = params.query;
      if (typeof params.operationName === 'string') state.operationName = params.operationName;
    },
    onExecute({ args }) {
      const state = findRequestAccess(args.contextValue.request);
      if (!state) return;
      if (state.document !== undefined) state.operationHash = hashOf(args.document, state.document);
      if (audit.canAccept(state.maxGrade)) {
        state.auditAdmitted = true;
        return;
      }
      state.outcome = 'error';
      throw GW_ERRORS.GW_AUDIT_UNAVAILABLE.err('The audit store is unavailable: operations on L3/L4 data are refused until it recovers.', {
        headers: { 'Retry-After': '5' },
      });
    },
    onResultProcess({ request, result }) {
      const state = findRequestAccess(request);
      if (!state || state.audited) return;
      state.audited = true;
      audit.push(toRecord(state, Array.isArray(result) ? result[0] : result, options.currentRequestId?.() ?? ''), state.auditAdmitted === true);
    },
  };
}

function toRecord(state: RequestAccess, result: unknown, requestId: string): AuditRecordInput {
  const single = isExecutionResult(result) ? result : undefined;
  // One object of one shape, absent values undefined (no spreads of temporary objects): it is built per operation
  // and held until the next flush.
  return {
    at: state.at,
    kind: 'operation',
    applicationId: state.application?.id,
    userSubjectHash: state.endUser?.subjectHash,
    operationName: state.operationName || undefined,
    operationHash: state.operationHash ?? sha256Hex(state.document ?? ''),
    coordinates: state.coordinates,
    maxGrade: state.maxGrade,
    purpose: state.purpose,
    outcome: state.outcome ?? outcomeOf(single),
    durationMs: Math.round((performance.now() - state.startedAt) * 10) / 10,
    // Sorted and distinct already; the list stops changing once the record is written (`audited`).
    subgraphs: state.subgraphs,
    requestId,
  };
}

function outcomeOf(result: ExecutionResult | undefined): AuditOutcome {
  const errors = result?.errors ?? [];
  if (errors.length === 0) return 'ok';
  for (const error of errors) {
    const code = (error.extensions as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string' && OUTCOME_OF_CODE[code]) return OUTCOME_OF_CODE[code];
  }
  return result?.data ? 'partial' : 'error';
}

function isExecutionResult(value: unknown): value is ExecutionResult {
  return value !== null && typeof value === 'object' && !(Symbol.asyncIterator in value);
}
