/**
 * How a REST source proves who it is to the legacy system: an API key, HTTP
 * Basic, an OAuth 2.0 client-credentials token, a TLS client certificate, or
 * a client certificate plus one of the others (`{ kind: 'mtls', …, then }`).
 *
 * Every value here is a secret or points to one: `parseRestSourceConfig`
 * never echoes them in a `ConfigError`, and the source never logs them.
 */

/** A PEM text, or `{ file }`: a path read once when the source starts. */
export type PemSource = string | { readonly file: string };

/** An API key sent in a header on every call. */
export interface ApiKeyHeaderAuthConfig {
  readonly kind: 'api-key';
  /**
   * Header that carries the key; lower-cased.
   * @default 'x-api-key'
   */
  readonly header: string;
  readonly query?: undefined;
  /** The key. */
  readonly value: string;
}

/** An API key sent as a query parameter on every call (for systems that accept nothing else; it may end up in their access logs). */
export interface ApiKeyQueryAuthConfig {
  readonly kind: 'api-key';
  readonly header?: undefined;
  /** Query parameter that carries the key. */
  readonly query: string;
  /** The key. */
  readonly value: string;
}

/** An API key, in a header (`header`, the default) or a query parameter (`query`), never both. */
export type ApiKeyAuthConfig = ApiKeyHeaderAuthConfig | ApiKeyQueryAuthConfig;

/** HTTP Basic (RFC 7617): `Authorization: Basic base64(username:password)` on every call. */
export interface BasicAuthConfig {
  readonly kind: 'basic';
  /** Must not contain `:` (RFC 7617 §2). */
  readonly username: string;
  readonly password: string;
}

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): the source fetches a bearer
 * token from `tokenUrl`, caches it until `expires_in − refreshSkewMs`, and
 * sends `Authorization: Bearer …` on every call.
 */
export interface OAuth2ClientCredentialsAuthConfig {
  readonly kind: 'oauth2-client-credentials';
  /** The token endpoint, `http(s)://…`, no credentials or fragment. */
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Sent as `scope` when set (space-separated scopes). */
  readonly scope?: string | undefined;
  /** Sent as `audience` when set (an extension many identity providers require). */
  readonly audience?: string | undefined;
  /**
   * How the client authenticates to the token endpoint: `'basic'` (an `Authorization: Basic` header, RFC 6749 §2.3.1,
   * which servers must support) or `'body'` (`client_id` and `client_secret` form fields).
   * @default 'basic'
   */
  readonly clientAuth: 'basic' | 'body';
  /**
   * A token is refreshed this long before it expires, so a call never leaves with a token that dies on the way.
   * @default 30000
   */
  readonly refreshSkewMs: number;
}

/** The credentials that travel in each HTTP request (as opposed to the TLS handshake). */
export type CredentialAuthConfig = ApiKeyAuthConfig | BasicAuthConfig | OAuth2ClientCredentialsAuthConfig;

/**
 * A TLS client certificate (mutual TLS), presented on every connection to the
 * legacy system (and to the OAuth2 token endpoint, RFC 8705 style). `then`
 * adds one request-level credential on top.
 */
export interface MtlsAuthConfig {
  readonly kind: 'mtls';
  /** The client certificate chain (PEM). */
  readonly cert: PemSource;
  /** Its private key (PEM). */
  readonly key: PemSource;
  /** CA certificates that sign the legacy system's server certificate (PEM); replaces the system CAs when set. */
  readonly ca?: PemSource | undefined;
  /** Passphrase of an encrypted `key`. */
  readonly passphrase?: string | undefined;
  /** A request-level credential sent as well, e.g. an API key. */
  readonly then?: CredentialAuthConfig | undefined;
}

/** The `auth` option of a REST source. */
export type RestAuthConfig = CredentialAuthConfig | MtlsAuthConfig;

/** Narrows an `auth` option to its client certificate part, if it has one. */
export function isMtlsAuthConfig(auth: RestAuthConfig | undefined): auth is MtlsAuthConfig {
  return auth?.kind === 'mtls';
}

/** The request-level credential of an `auth` option (`then` for mTLS), if any. */
export function credentialAuthOf(auth: RestAuthConfig | undefined): CredentialAuthConfig | undefined {
  return auth?.kind === 'mtls' ? auth.then : auth;
}
