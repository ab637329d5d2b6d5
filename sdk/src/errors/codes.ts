/**
 * The registry of error codes of `@govgraph/sdk` and its connectors.
 * Each code is stable once added: clients and dashboards key on it.
 * Every code here must appear in `sdk/README.md` ("Error codes"); a test checks it.
 */
export const SDK_ERRORS = {
  BAD_USER_INPUT: { status: 400, description: 'The request has an invalid argument (ID number, credit code, page size, …).', addedIn: '0.1.0' },
  UNAUTHENTICATED: { status: 401, description: 'The caller is not authenticated.', addedIn: '0.1.0' },
  FORBIDDEN: { status: 403, description: 'The caller may not perform this operation.', addedIn: '0.1.0' },
  SDK_NOT_FOUND: { status: 404, description: 'The requested object does not exist.', addedIn: '0.1.0' },
  SDK_CONFLICT: { status: 409, description: 'The request conflicts with the current state (e.g. a forbidden workflow transition).', addedIn: '0.1.0' },
  SDK_UNPROCESSABLE: { status: 422, description: 'The legacy system rejected the request on its business rules.', addedIn: '0.1.0' },
  SDK_NOT_SUPPORTED: { status: 501, description: 'The legacy system does not support this operation.', addedIn: '0.1.0' },
  SDK_CONFIG_INVALID: { status: 500, description: 'The subgraph or a source was started with invalid configuration.', addedIn: '0.1.0' },
  CONN_UPSTREAM_UNAVAILABLE: { status: 502, description: 'The legacy system is down, refused the connection or answered with a server error.', addedIn: '0.1.0' },
  CONN_UPSTREAM_TIMEOUT: { status: 504, description: 'The legacy system did not answer within the timeout.', addedIn: '0.1.0' },
  CONN_UPSTREAM_INVALID_RESPONSE: { status: 502, description: 'The legacy system answered with data that cannot be read.', addedIn: '0.1.0' },
  INTERNAL_SERVER_ERROR: { status: 500, description: 'An unexpected error; details are in the subgraph log under the request id.', addedIn: '0.1.0' },
} as const satisfies Record<string, { status: number; description: string; addedIn: string }>;

/** A code of the SDK's error registry. */
export type SdkErrorCode = keyof typeof SDK_ERRORS;
