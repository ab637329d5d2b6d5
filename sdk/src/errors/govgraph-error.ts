/**
 * The SDK's error taxonomy. Connectors and department resolvers throw these;
 * the subgraph server turns them into GraphQL errors with a stable
 * `extensions.code` and an HTTP status, and never shows a client the `cause`
 * (stack traces, host names, raw upstream bodies go to the log only).
 *
 * The class split follows Hasura's NDC SDK (`BadRequest`, `Forbidden`,
 * `Conflict`, `UnprocessableContent`, `NotSupported`, `BadGateway`), with an
 * `Error` suffix to fit our naming.
 */
import { SDK_ERRORS, type SdkErrorCode } from './codes';

/** Options shared by every taxonomy error. */
export interface GovgraphErrorOptions {
  /** The underlying error. Logged, never sent to a client. */
  cause?: unknown;
  /** Safe, structured details that a client may see (e.g. the offending argument). */
  details?: Record<string, unknown>;
}

/** Base class of the taxonomy. `code` is stable; `message` must be safe to show a client. */
export class GovgraphError extends Error {
  readonly code: SdkErrorCode;
  readonly status: number;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: SdkErrorCode, message: string, options: GovgraphErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = SDK_ERRORS[code].status;
    this.details = options.details ? Object.freeze({ ...options.details }) : undefined;
  }
}

/** The caller sent something invalid (bad ID number, oversized page, unknown enum). */
export class BadRequestError extends GovgraphError {
  constructor(message: string, options?: GovgraphErrorOptions) {
    super('BAD_USER_INPUT', message, options);
  }
}

/** The caller may not do this. */
export class ForbiddenError extends GovgraphError {
  constructor(message: string, options?: GovgraphErrorOptions) {
    super('FORBIDDEN', message, options);
  }
}

/** The thing asked for does not exist (where a null answer would hide a mistake). */
export class NotFoundError extends GovgraphError {
  constructor(message: string, options?: GovgraphErrorOptions) {
    super('SDK_NOT_FOUND', message, options);
  }
}

/** The request conflicts with the current state (e.g. a case status transition the workflow forbids). */
export class ConflictError extends GovgraphError {
  constructor(message: string, options?: GovgraphErrorOptions) {
    super('SDK_CONFLICT', message, options);
  }
}

/** Well-formed but semantically unacceptable input (the legacy system rejected it on business rules). */
export class UnprocessableContentError extends GovgraphError {
  constructor(message: string, options?: GovgraphErrorOptions) {
    super('SDK_UNPROCESSABLE', message, options);
  }
}

/** The legacy system cannot do this (an operation it lacks). */
export class NotSupportedError extends GovgraphError {
  constructor(message: string, options?: GovgraphErrorOptions) {
    super('SDK_NOT_SUPPORTED', message, options);
  }
}

/** The legacy system is down, refused the connection, or answered with a server error. */
export class BadGatewayError extends GovgraphError {
  constructor(message: string, options?: GovgraphErrorOptions) {
    super('CONN_UPSTREAM_UNAVAILABLE', message, options);
  }
}

/** The legacy system did not answer within the source's timeout. */
export class UpstreamTimeoutError extends GovgraphError {
  constructor(message: string, options?: GovgraphErrorOptions) {
    super('CONN_UPSTREAM_TIMEOUT', message, options);
  }
}

/** The legacy system answered, but with data that cannot be read (malformed XML/JSON/CSV, missing fields). */
export class UpstreamDataError extends GovgraphError {
  constructor(message: string, options?: GovgraphErrorOptions) {
    super('CONN_UPSTREAM_INVALID_RESPONSE', message, options);
  }
}

/** Configuration given to the SDK or a connector is invalid. Thrown at start, never during a request. */
export class ConfigError extends GovgraphError {
  constructor(message: string, options?: GovgraphErrorOptions) {
    super('SDK_CONFIG_INVALID', message, options);
  }
}

/** Type guard for taxonomy errors. */
export function isGovgraphError(value: unknown): value is GovgraphError {
  return value instanceof GovgraphError;
}
