/**
 * Picks the authenticator for a source's `auth` option. The client
 * certificate of `mtls` is not a request-level credential: it is loaded by
 * `loadClientTls` and handed to the connection pools; here it only makes the
 * token endpoint's connections present it too.
 */
import { Agent } from 'undici';
import type { Authenticator } from './authenticator';
import { createOAuth2Authenticator } from './create-oauth2-authenticator';
import { createStaticAuthenticator } from './create-static-authenticator';
import type { ClientTlsOptions } from './load-client-tls';
import { credentialAuthOf, type RestAuthConfig } from './rest-auth-config';

/** @internal What {@link createAuthenticator} needs besides the `auth` option. */
export interface CreateAuthenticatorOptions {
  readonly source: string;
  /** Deadline of a token request. */
  readonly timeoutMs: number;
  /** The loaded client certificate, under `mtls`. */
  readonly tls?: ClientTlsOptions | undefined;
}

/** @internal Creates the request-level authenticator of a source (a no-op one without `auth`). */
export function createAuthenticator(auth: RestAuthConfig | undefined, options: CreateAuthenticatorOptions): Authenticator {
  const credential = credentialAuthOf(auth);
  if (credential?.kind !== 'oauth2-client-credentials') return createStaticAuthenticator(credential);
  const dispatcher = new Agent({ connections: 2, ...(options.tls ? { connect: { ...options.tls } } : {}) });
  return createOAuth2Authenticator(credential, { source: options.source, dispatcher, timeoutMs: options.timeoutMs });
}
