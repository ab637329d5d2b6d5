/**
 * What the connector asks of an `auth` kind: the credentials to put on a
 * call, and whether a 401 is worth one more try with fresh ones. Static kinds
 * (API key, Basic) answer without I/O; OAuth2 fetches and caches a token.
 */

/** @internal Request-level credentials: headers to set and query parameters to add. */
export interface AuthCredentials {
  readonly headers: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
}

/** @internal The credential side of a source; see {@link createAuthenticator}. */
export interface Authenticator {
  /** The credentials for one call; may fetch a token (abandoned, not cancelled, when `signal` fires). */
  credentials(signal: AbortSignal): Promise<AuthCredentials>;
  /** The credentials available without I/O (for health probes): static ones, or the cached token. */
  cached(): AuthCredentials;
  /**
   * The legacy system answered 401 to a call made with `used`. Drops them if they can be renewed and returns
   * `true` when the call should be replayed once with fresh credentials.
   */
  renew(used: AuthCredentials): boolean;
  /** Abandons a token request in flight and closes the token endpoint's connections. */
  close(): Promise<void>;
}

/** @internal No request-level credentials. */
export const NO_CREDENTIALS: AuthCredentials = Object.freeze({ headers: Object.freeze({}), query: Object.freeze({}) });
