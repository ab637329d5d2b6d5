/**
 * The CLI's client of the admin API: one POST per GraphQL operation with the
 * admin token as a bearer token. An answer with errors becomes an
 * {@link AdminApiError} carrying the API's code and message; a server that
 * cannot be reached becomes one too, naming the URL (never the token).
 */
import { fetch as undiciFetch } from 'undici';

/** The part of `fetch` the client uses (undici's by default; tests may pass another). */
export type AdminFetch = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal?: AbortSignal },
) => Promise<{ status: number; text(): Promise<string> }>;

/** An error the admin API answered, or its absence. */
export class AdminApiError extends Error {
  /** The API's `extensions.code` (`FORBIDDEN`, `BAD_USER_INPUT`, …), or `ADMIN_API_UNREACHABLE`. */
  readonly code: string;
  /** HTTP status, 0 when there was no answer. */
  readonly status: number;

  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = 'AdminApiError';
    this.code = code;
    this.status = status;
  }
}

/** Options of {@link createAdminClient}. */
export interface AdminClientOptions {
  /** The admin API endpoint, e.g. `http://127.0.0.1:4010/admin/graphql`. */
  readonly url: string;
  readonly token: string;
  /** @default undici's fetch */
  readonly fetch?: AdminFetch;
  /** Aborts requests in flight (Ctrl-C). */
  readonly signal?: AbortSignal;
  /** Deadline of one request. @default 30000 */
  readonly timeoutMs?: number;
}

/** Sends GraphQL operations to the admin API. */
export interface AdminClient {
  readonly url: string;
  /** The operation's `data`. @throws AdminApiError */
  request<Data>(query: string, variables?: Record<string, unknown>): Promise<Data>;
}

/** Creates a client of the admin API at `options.url`. */
export function createAdminClient(options: AdminClientOptions): AdminClient {
  const send = options.fetch ?? (undiciFetch as unknown as AdminFetch);
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    url: options.url,
    async request<Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
      let status: number;
      let text: string;
      try {
        const response = await send(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: `Bearer ${options.token}` },
          body: JSON.stringify({ query, variables }),
          signal,
        });
        status = response.status;
        text = await response.text();
      } catch (error) {
        const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
        throw new AdminApiError('ADMIN_API_UNREACHABLE', `cannot reach the admin API at ${options.url}: ${cause}`, 0);
      }
      let body: { data?: Data | null; errors?: { message?: string; extensions?: { code?: string } }[] };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        throw new AdminApiError('ADMIN_API_INVALID_RESPONSE', `the admin API at ${options.url} answered HTTP ${status} with something that is not GraphQL`, status);
      }
      const [first] = body.errors ?? [];
      if (first) {
        throw new AdminApiError(first.extensions?.code ?? 'ADMIN_API_ERROR', (body.errors ?? []).map((error) => error.message ?? 'unknown error').join('\n'), status);
      }
      if (body.data == null) throw new AdminApiError('ADMIN_API_INVALID_RESPONSE', `the admin API answered HTTP ${status} without data`, status);
      return body.data;
    },
  };
}
