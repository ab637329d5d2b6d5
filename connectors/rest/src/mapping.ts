/**
 * Legacy HTTP statuses → the SDK's error taxonomy. Transport failures,
 * timeouts and unreadable bodies are mapped by the SDK's connector kit
 * (`mapTransportFailure`, `createUpstreamTimeoutError`, `createUpstreamDataError`).
 *
 * Messages are safe for a client: they name the legacy system and the status,
 * never its host, URL or raw body; those go in `cause` (logged only). Every
 * error carries `details: { source, status?, upstreamCode? }` so a subgraph
 * can turn the legacy system's own code (e.g. `TRANSITION_NOT_ALLOWED`) into
 * a precise message.
 */
import {
  BadGatewayError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  UnprocessableContentError,
  type GovgraphError,
} from '@govgraph/sdk';

/** @internal What is known of a failed answer. */
export interface StatusFailure {
  readonly source: string;
  readonly status: number;
  readonly upstreamCode?: string | undefined;
  /** The wait the answer's `Retry-After` asks for (429, 503), shown to clients in `details.retryAfterMs`. */
  readonly retryAfterMs?: number | undefined;
  readonly cause: Error;
}

/** @internal Maps a non-2xx status. */
export function mapHttpStatus({ source, status, upstreamCode, retryAfterMs, cause }: StatusFailure): GovgraphError {
  const options = {
    cause,
    details: { source, status, ...(upstreamCode === undefined ? {} : { upstreamCode }), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
  };
  const system = `legacy system "${source}"`;
  switch (status) {
    case 400:
      return new BadRequestError(`${system} rejected the request as invalid (HTTP 400)`, options);
    case 404:
    case 410:
      return new NotFoundError(`${system} has no such record (HTTP ${status})`, options);
    case 409:
      return new ConflictError(`${system} reported a conflict with the current state (HTTP 409)`, options);
    case 422:
      return new UnprocessableContentError(`${system} refused the request under its business rules (HTTP 422)`, options);
    case 401:
    case 403:
      return new BadGatewayError(`${system} refused the gateway's credentials (HTTP ${status})`, options);
    case 429:
      return new BadGatewayError(`${system} is throttling calls (HTTP 429)`, options);
    default:
      return status >= 500
        ? new BadGatewayError(`${system} failed (HTTP ${status})`, options)
        : new BadGatewayError(`${system} answered with an unexpected status (HTTP ${status})`, options);
  }
}

const UPSTREAM_CODE = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * @internal The legacy system's machine error code from a JSON error body:
 * `{ "error": { "code": … } }` or `{ "code": … }`. Only short plain codes are
 * kept, since they are shown to clients in `details.upstreamCode`.
 */
export function extractUpstreamCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as { error?: unknown; code?: unknown };
  const nested = typeof record.error === 'object' && record.error !== null ? (record.error as { code?: unknown }).code : undefined;
  for (const candidate of [nested, record.code]) {
    const text = typeof candidate === 'number' && Number.isInteger(candidate) ? String(candidate) : candidate;
    if (typeof text === 'string' && UPSTREAM_CODE.test(text)) return text;
  }
  return undefined;
}
