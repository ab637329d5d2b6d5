/**
 * HTTP to one subgraph. Each subgraph gets its own undici `Pool` of keep-alive
 * connections: @apollo/gateway's default client (make-fetch-happen) was about
 * 40% of the gateway's CPU on the benchmark workload, and undici's `request()`
 * took a request from 34.5 to 20.3 ms of CPU (notes/stack.md).
 *
 * This module knows nothing of @apollo/gateway: the engine adapts it to its
 * executor's data-source interface, so a faster executor can reuse it.
 *
 * A call never throws. Failures become one GraphQL error with a `GW_SUBGRAPH_*`
 * code whose message names the subgraph and never its URL or host (those go
 * to the log only), so the executor returns the rest of the data intact.
 */
import type { GraphQLFormattedError } from 'graphql';
import { Pool, type Dispatcher } from 'undici';
import { GW_ERRORS, isGatewayError, toSubgraphFailure, type GatewayErrorCode } from '../errors';
import type { Logger } from '../logger';
import type { GatewayContext } from '../plugins/types';
import { REQUEST_ID_HEADER } from '../plugins/use-request-id';
import { startCallDeadline } from './call-deadline';

/** The GraphQL request sent to a subgraph (one fetch of a query plan). */
export interface SubgraphRequest {
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>> | undefined;
  readonly operationName?: string | undefined;
  readonly extensions?: Readonly<Record<string, unknown>> | undefined;
  /**
   * The request as the JSON body to send, when the caller has serialised it
   * already (the planner engine does, to key in-flight merging): sent as it
   * is, and must encode exactly the fields above. @default JSON of the fields above
   */
  readonly json?: string | undefined;
}

/** A subgraph's GraphQL response, or the gateway's report of why there is none. */
export interface SubgraphResponse {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

/** The gateway request a subgraph call belongs to. */
export interface SubgraphCall {
  /** Forwarded as `x-request-id`. */
  readonly requestId?: string | undefined;
  /** The request's bound logger. @default the data source's logger */
  readonly logger?: Logger | undefined;
  /** The GraphQL context of the gateway request, for `willSendRequest` hooks (principal, grants). */
  readonly context?: GatewayContext | undefined;
}

/** What a `willSendRequest` hook sees and may change (headers only). */
export interface OutgoingSubgraphRequest {
  /** The subgraph's name. */
  readonly subgraph: string;
  /** Headers of the call; the hook may add to them (e.g. a signed context token). */
  readonly headers: Record<string, string>;
  /** The GraphQL request about to be sent. */
  readonly body: SubgraphRequest;
  /** The gateway request it belongs to. */
  readonly call: SubgraphCall;
}

/**
 * A hook run before every subgraph call. This is where the gateway-signed
 * context token (application, user, grants) is attached to each call. If it
 * throws, the call is not made: a gateway registry error (e.g. an access
 * refusal) reaches the client like any subgraph failure (its code, the
 * subgraph's name, no HTTP status of its own); anything else is masked as
 * `INTERNAL_SERVER_ERROR`. The rest of the operation goes on.
 */
export type WillSendSubgraphRequest = (outgoing: OutgoingSubgraphRequest) => void | Promise<void>;

/** The result of a readiness probe: no URL or host, so it may be shown on /readyz. */
export interface SubgraphProbe {
  readonly ok: boolean;
  readonly latencyMs: number;
  /** Why it failed: `unreachable`, `timeout`, `HTTP 503`, `invalid response`. */
  readonly problem?: string;
}

/** HTTP to one subgraph. */
export interface SubgraphDataSource {
  /** The subgraph's name. */
  readonly name: string;
  /** Sends one GraphQL request. Never throws: a failure is a response with one `GW_SUBGRAPH_*` error. */
  send(request: SubgraphRequest, call?: SubgraphCall): Promise<SubgraphResponse>;
  /** Asks the subgraph `{ __typename }`, for readiness. */
  probe(timeoutMs: number): Promise<SubgraphProbe>;
  /** Closes the connections (waits for calls in flight). */
  close(): Promise<void>;
}

/** Options of {@link createSubgraphDataSource}. */
export interface SubgraphDataSourceOptions {
  /** The subgraph's name, used in errors shown to clients. */
  name: string;
  /** The subgraph's GraphQL endpoint; logged, never shown to clients. */
  url: string;
  /** Deadline of one call, from sending to the end of the response body. */
  timeoutMs: number;
  /** Where failed calls are logged when the call has no request logger. */
  logger: Logger;
  /** Most connections kept to the subgraph. @default 128 */
  connections?: number;
  /** Run before every call. */
  willSendRequest?: WillSendSubgraphRequest | undefined;
  /** Headers of the gateway's own calls (readiness probes), e.g. a context token signed as the gateway. */
  gatewayHeaders?: ((subgraph: string) => Record<string, string> | Promise<Record<string, string>>) | undefined;
}

const PROBE_BODY = JSON.stringify({ query: '{ __typename }' });

/** Creates the data source of one subgraph, with its connection pool. */
export function createSubgraphDataSource(options: SubgraphDataSourceOptions): SubgraphDataSource {
  const { name, timeoutMs, logger, willSendRequest } = options;
  const target = new URL(options.url);
  const path = `${target.pathname}${target.search}`;
  const pool = new Pool(target.origin, { connections: options.connections ?? 128 });

  const fail = (code: GatewayErrorCode, message: string, log: Logger, cause: unknown, status?: number): SubgraphResponse => {
    log.warn({ subgraph: name, url: options.url, code, status, err: cause }, `subgraph call failed: ${message}`);
    return { errors: [toSubgraphFailure(GW_ERRORS[code].err(message))] };
  };

  return {
    name,

    async send(request, call = {}) {
      const log = call.logger ?? logger;
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      };
      if (call.requestId) headers[REQUEST_ID_HEADER] = call.requestId;
      if (willSendRequest) {
        try {
          await willSendRequest({ subgraph: name, headers, body: request, call });
        } catch (error) {
          if (isGatewayError(error)) return { errors: [toSubgraphFailure(error)] };
          throw error;
        }
      }

      // Cancelled as soon as the body is read (call-deadline.ts: AbortSignal.timeout() would outlive the call).
      const deadline = startCallDeadline(timeoutMs);
      const { signal } = deadline;
      const timedOut = (): SubgraphResponse =>
        fail('GW_SUBGRAPH_TIMEOUT', `Subgraph "${name}" did not answer within ${timeoutMs} ms.`, log, undefined);
      let response: Dispatcher.ResponseData;
      let body: unknown;
      try {
        try {
          response = await pool.request({ path, method: 'POST', headers, body: request.json ?? JSON.stringify(request), signal });
        } catch (error) {
          if (signal.aborted || isUndiciTimeout(error)) return timedOut();
          return fail('GW_SUBGRAPH_UNAVAILABLE', `Subgraph "${name}" is unavailable.`, log, error);
        }
        const contentType = headerValue(response.headers['content-type']);
        try {
          body = /json/i.test(contentType) ? await response.body.json() : (await response.body.dump(), undefined);
        } catch (error) {
          if (signal.aborted || isUndiciTimeout(error)) return timedOut();
          body = undefined;
        }
      } finally {
        deadline.clear();
      }

      const { statusCode } = response;
      if (isGraphQLResponse(body)) return normaliseResponse(body);
      return statusCode >= 500
        ? fail('GW_SUBGRAPH_UNAVAILABLE', `Subgraph "${name}" is unavailable (HTTP ${statusCode}).`, log, undefined, statusCode)
        : fail('GW_SUBGRAPH_INVALID_RESPONSE', `Subgraph "${name}" answered with an invalid response (HTTP ${statusCode}).`, log, undefined, statusCode);
    },

    async probe(probeTimeoutMs) {
      const started = performance.now();
      const result = (problem?: string): SubgraphProbe => ({
        ok: problem === undefined,
        latencyMs: Math.round(performance.now() - started),
        ...(problem === undefined ? {} : { problem }),
      });
      const signal = AbortSignal.timeout(probeTimeoutMs);
      try {
        const extra = options.gatewayHeaders ? await options.gatewayHeaders(name) : {};
        const response = await pool.request({
          path,
          method: 'POST',
          headers: { ...extra, 'content-type': 'application/json', accept: 'application/json' },
          body: PROBE_BODY,
          signal,
        });
        if (response.statusCode < 200 || response.statusCode >= 300) {
          await response.body.dump();
          return result(`HTTP ${response.statusCode}`);
        }
        const body = (await response.body.json().catch(() => undefined)) as { data?: { __typename?: unknown } } | undefined;
        return typeof body?.data?.__typename === 'string' ? result() : result('invalid response');
      } catch (error) {
        return result(signal.aborted || isUndiciTimeout(error) ? 'timeout' : 'unreachable');
      }
    },

    async close() {
      await pool.close();
    },
  };
}

function headerValue(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

function isUndiciTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT';
}

function isGraphQLResponse(body: unknown): body is { data?: unknown; errors?: unknown; extensions?: unknown } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  return 'data' in body || Array.isArray((body as { errors?: unknown }).errors);
}

/**
 * Keeps what GraphQL over HTTP defines and drops `extensions.http` of each
 * error: the subgraph's HTTP status is not the gateway's.
 */
function normaliseResponse(body: { data?: unknown; errors?: unknown; extensions?: unknown }): SubgraphResponse {
  const response: SubgraphResponse = {};
  if (body.data !== undefined) response.data = isRecord(body.data) ? body.data : null;
  if (Array.isArray(body.errors)) response.errors = body.errors.map(normaliseError);
  if (isRecord(body.extensions)) response.extensions = body.extensions;
  return response;
}

function normaliseError(error: unknown): GraphQLFormattedError {
  if (!isRecord(error)) return { message: 'The subgraph reported an error without a message.' };
  const message = typeof error['message'] === 'string' ? error['message'] : 'The subgraph reported an error without a message.';
  const path = Array.isArray(error['path']) ? (error['path'] as (string | number)[]) : undefined;
  let extensions = isRecord(error['extensions']) ? error['extensions'] : undefined;
  if (extensions && 'http' in extensions) {
    const { http: _http, ...rest } = extensions;
    extensions = rest;
  }
  return { message, ...(path ? { path } : {}), ...(extensions ? { extensions } : {}) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
