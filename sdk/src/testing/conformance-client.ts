/**
 * How the kit talks to the subgraph under test: in-process through a built
 * subgraph's `fetch`, or over HTTP to its URL. Every request is bounded, so a
 * subgraph that hangs fails a check instead of the whole run.
 */
import type { ConformanceHeaders, ConformanceQuery, ConformanceTarget } from './conformance-spec';

/** A GraphQL error as the kit reads it. */
export interface AnswerError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** A GraphQL response as the kit reads it. */
export interface GraphQLAnswer {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly data?: any;
  readonly errors?: readonly AnswerError[];
  /** The body as text, for leak checks and messages. */
  readonly text: string;
}

/** @internal The kit's view of the subgraph. */
export interface ConformanceClient {
  /** A name for messages: the subgraph's name or URL. */
  readonly label: string;
  /** POSTs one operation; rejects with a `RequestTimedOutError` after `timeoutMs`. */
  graphql(request: ConformanceQuery, timeoutMs?: number): Promise<GraphQLAnswer>;
  /** GETs an operational path (`/healthz`, `/readyz`) and returns its status. */
  status(path: string): Promise<number>;
}

/** @internal A request the kit gave up on. */
export class RequestTimedOutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'RequestTimedOutError';
  }
}

/** @internal Builds the client for a target; in-process subgraphs are started (idempotent). `headers` go with every request. */
export async function createConformanceClient(target: ConformanceTarget, requestTimeoutMs: number, headers?: ConformanceHeaders): Promise<ConformanceClient> {
  const extraHeaders = async (): Promise<Readonly<Record<string, string>>> => (typeof headers === 'function' ? await headers() : (headers ?? {}));
  let send: (path: string | undefined, init: RequestInit) => Promise<Response>;
  let label: string;
  if (target.subgraph) {
    const subgraph = target.subgraph;
    await subgraph.start();
    label = subgraph.name;
    const origin = 'http://conformance.test';
    send = (path, init) => Promise.resolve(subgraph.fetch(`${origin}${path ?? subgraph.settings.graphqlEndpoint}`, init));
  } else {
    const url = new URL(target.url);
    label = target.url;
    send = (path, init) => fetch(path === undefined ? url : new URL(path, url), init);
  }
  const bounded = <T>(work: Promise<T>, timeoutMs: number): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RequestTimedOutError(timeoutMs)), timeoutMs);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  };
  return {
    label,
    graphql(request, timeoutMs = requestTimeoutMs) {
      const exchange = async (): Promise<GraphQLAnswer> => {
        const response = await send(undefined, {
          method: 'POST',
          headers: { ...(await extraHeaders()), 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
          body: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
        });
        const text = await response.text();
        let body: { data?: unknown; errors?: AnswerError[] } = {};
        try {
          body = JSON.parse(text) as typeof body;
        } catch {
          body = { errors: [{ message: `the answer is not JSON (HTTP ${response.status})` }] };
        }
        return { status: response.status, data: body.data, ...(body.errors ? { errors: body.errors } : {}), text };
      };
      return bounded(exchange(), timeoutMs);
    },
    status(path) {
      return bounded(
        extraHeaders().then((extra) => send(path, { method: 'GET', headers: { ...extra } })).then(async (response) => {
          await response.arrayBuffer();
          return response.status;
        }),
        requestTimeoutMs,
      );
    },
  };
}
