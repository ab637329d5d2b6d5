/**
 * What the policy steps learn about one request, shared between them: the
 * application (step 1), the end user (2), the coordinates and grants of the
 * operation (4), the outcome, the subgraphs called (6) and what was masked
 * (7), read by the audit record (8). Kept beside the request in a WeakMap
 * keyed by the WHATWG `Request` yoga hands to every hook, so it lives exactly
 * as long as the request and is never shared between two.
 */
import type { AuditedCoordinate } from '../stores/audit-sink';
import type { DataGrade } from '../stores/data-grade';
import type { MaskRule } from '../stores/mask-rule';
import type { CompiledGrant, RegistryApplication } from '../stores/registry-snapshot';

/** Header in which a caller declares the purpose of the request (matched against grants' purposes, audited). */
export const PURPOSE_HEADER = 'x-purpose';

/** How an operation ended, as audited. */
export type AuditOutcome = 'ok' | 'partial' | 'error' | 'denied' | 'rate-limited' | 'unauthenticated';

/** The verified end user of a request. */
export interface EndUser {
  readonly subject: string;
  /** Hex sha256 of the subject: what the audit stores. */
  readonly subjectHash: string;
}

/** The policy state of one request. */
export interface RequestAccess {
  /** `performance.now()` when the first policy step saw the request. */
  readonly startedAt: number;
  readonly at: Date;
  /** The `x-purpose` header, when sent. */
  readonly purpose: string | undefined;
  application?: RegistryApplication;
  /** How the application proved itself. */
  credential?: 'api-key' | 'client-credentials';
  /** The application's live grants at the time of the request. */
  grants: readonly CompiledGrant[];
  endUser?: EndUser;
  operationName?: string;
  /** The document text the request runs (after a persisted-operation look-up). */
  document?: string;
  /** SHA-256 (hex) of `document`, once the audit step computed it. */
  operationHash?: string;
  /** Coordinates the operation can touch, with grades. */
  coordinates: readonly AuditedCoordinate[];
  maxGrade: DataGrade;
  /** The grants the operation relies on. */
  usedGrants: readonly CompiledGrant[];
  /** Coordinates whose values are masked, with their rule. */
  maskedCoordinates: ReadonlyMap<string, MaskRule>;
  /** Set by the step that refused the request. */
  outcome?: AuditOutcome;
  /** Names of the subgraphs called, sorted and distinct ({@link noteSubgraphCalled}). */
  readonly subgraphs: string[];
  /** The audit record was written. */
  audited?: boolean;
  /** The audit step let the operation run (its record may use the buffer's headroom). */
  auditAdmitted?: boolean;
}

const states = new WeakMap<Request, RequestAccess>();

/** The masks of a request before the grant step sets them: none. Shared; never written (the step replaces it). */
const NO_MASKS: ReadonlyMap<string, MaskRule> = new Map();

/** The state of `request`, created on first use. */
export function requestAccessOf(request: Request): RequestAccess {
  let state = states.get(request);
  if (!state) {
    state = {
      startedAt: performance.now(),
      at: new Date(),
      purpose: readPurpose(request.headers.get(PURPOSE_HEADER)),
      grants: [],
      coordinates: [],
      maxGrade: 'L1',
      usedGrants: [],
      maskedCoordinates: NO_MASKS,
      subgraphs: [],
    };
    states.set(request, state);
  }
  return state;
}

/**
 * Notes `subgraph` as called for the request of `state`: kept sorted and distinct as calls come (a request calls a
 * handful of subgraphs: an insertion into a short array costs less than a Set and a sort per audit record). Once
 * the audit record is written (`audited`) the list is the record's and no longer changes.
 */
export function noteSubgraphCalled(state: RequestAccess, subgraph: string): void {
  if (state.audited) return;
  const called = state.subgraphs;
  let at = called.length;
  while (at > 0 && (called[at - 1] as string) > subgraph) at -= 1;
  if (at > 0 && called[at - 1] === subgraph) return;
  // Moved up by hand: splice() would allocate the array of removed elements it returns.
  called.push(subgraph);
  for (let i = called.length - 1; i > at; i -= 1) called[i] = called[i - 1] as string;
  called[at] = subgraph;
}

/** The state of `request` if a policy step has seen it. */
export function findRequestAccess(request: Request | undefined): RequestAccess | undefined {
  return request ? states.get(request) : undefined;
}

/**
 * The purpose as declared. Header values are Latin-1, so a purpose in Chinese
 * is sent percent-encoded (`%E5%8A%9E%E4%BA%8B`) and decoded here.
 */
function readPurpose(value: string | null): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (!trimmed.includes('%')) return trimmed;
  try {
    return decodeURIComponent(trimmed);
  } catch {
    return trimmed;
  }
}
