/**
 * In-flight merging of identical subgraph requests (issue 5): while a call to
 * a subgraph is in flight, another call to the same subgraph with the same
 * body (query, operation name, variables: byte for byte) and the same
 * identity waits for it instead of making its own HTTP call. Fifty clients
 * sending one query then share most subgraph calls, as Hive Gateway does.
 *
 * The identity is what the context token tells the subgraph: the application,
 * the end user's subject and the declared purpose (not the token bytes, not
 * the request id). Requests of two identities never share a call, since a
 * subgraph may answer differently per caller; only subgraphs declared
 * identity-independent (`dedupe.acrossIdentities`) share calls across them.
 * Every waiter gets the same outcome: the answer (data, errors, partial data)
 * as its own deep copy, because the engine merges answers into each request's
 * result tree in place; or the same rejection.
 */
import type { SubgraphCall, SubgraphResponse } from '../../datasources/subgraph-data-source';
import { cloneJson } from './clone-json';

/** Options of {@link createInflightDedupe}. */
export interface InflightDedupeOptions {
  /** Subgraphs whose answers do not depend on the caller: their calls are shared across identities. @default [] */
  readonly acrossIdentities?: readonly string[];
  /**
   * Run for a request that joined a call in flight instead of making its own
   * (its `willSendRequest` hook does not run): the audit still notes the
   * subgraph as called for that request.
   */
  readonly onJoin?: ((subgraph: string, call: SubgraphCall) => void) | undefined;
}

/** Merges identical in-flight subgraph calls. */
export interface InflightDedupe {
  /**
   * Calls `send` (which makes the HTTP call of `body`), unless an identical
   * call of the same identity is in flight: then waits for that one.
   * @param body the request body exactly as it is sent (JSON)
   */
  send(subgraph: string, body: string, call: SubgraphCall, send: () => Promise<SubgraphResponse>): Promise<SubgraphResponse>;
  /** Calls in flight now (for tests). */
  readonly inFlight: number;
}

/** One call in flight and the requests waiting for it. */
interface Flight {
  readonly waiters: { resolve(response: SubgraphResponse): void; reject(error: unknown): void }[];
}

/** Creates the merging layer of one engine. */
export function createInflightDedupe(options: InflightDedupeOptions = {}): InflightDedupe {
  const shared = new Set(options.acrossIdentities ?? []);
  const { onJoin } = options;
  const flights = new Map<string, Flight>();

  return {
    send(subgraph, body, call, send) {
      const identity = shared.has(subgraph) ? '*' : identityOf(call);
      // No identity (a call outside a client request): never merged.
      if (identity === undefined) return send();
      const key = `${subgraph}\n${identity}\n${body}`;
      const flight = flights.get(key);
      if (flight) {
        onJoin?.(subgraph, call);
        return new Promise<SubgraphResponse>((resolve, reject) => flight.waiters.push({ resolve, reject }));
      }
      const started: Flight = { waiters: [] };
      flights.set(key, started);
      const done = (): void => {
        if (flights.get(key) === started) flights.delete(key);
      };
      return send().then(
        (response) => {
          done();
          // Copies are made here, at once, before the caller's continuation can change the answer in place.
          for (const waiter of started.waiters) waiter.resolve(cloneJson(response));
          return response;
        },
        (error: unknown) => {
          done();
          for (const waiter of started.waiters) waiter.reject(error);
          throw error;
        },
      );
    },
    get inFlight() {
      return flights.size;
    },
  };
}

/**
 * The identity part of the key: application, end user, purpose (the context
 * token's `sub`, `usr`, `pur`). A request without a principal (no access
 * control, or open mode) is `anonymous`, as its token says.
 */
function identityOf(call: SubgraphCall): string | undefined {
  const context = call.context;
  if (!context) return undefined;
  const principal = context.principal;
  if (!principal) return 'anonymous';
  // One principal per request with an end user or a purpose, one per application and credential for the others
  // (use-application-auth.ts): the identity is derived once per principal.
  let identity = identities.get(principal);
  if (identity === undefined) {
    identity = JSON.stringify([principal.applicationId, principal.userSubject ?? null, principal.purpose ?? null]);
    identities.set(principal, identity);
  }
  return identity;
}

const identities = new WeakMap<object, string>();
