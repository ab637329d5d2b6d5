/**
 * Credentials that never change: an API key (header or query) or HTTP Basic.
 * A 401 with them will not improve on a second try, so `renew` says no.
 */
import { NO_CREDENTIALS, type AuthCredentials, type Authenticator } from './authenticator';
import type { ApiKeyAuthConfig, BasicAuthConfig } from './rest-auth-config';

/** @internal An authenticator for `api-key`, `basic` or no credential at all. */
export function createStaticAuthenticator(auth: ApiKeyAuthConfig | BasicAuthConfig | undefined): Authenticator {
  const credentials = staticCredentials(auth);
  return {
    credentials: async () => credentials,
    cached: () => credentials,
    renew: () => false,
    close: async () => undefined,
  };
}

function staticCredentials(auth: ApiKeyAuthConfig | BasicAuthConfig | undefined): AuthCredentials {
  if (!auth) return NO_CREDENTIALS;
  if (auth.kind === 'basic') {
    // RFC 7617 §2.1: UTF-8 is what current servers expect; the charset parameter is only advisory.
    const token = Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64');
    return Object.freeze({ headers: Object.freeze({ authorization: `Basic ${token}` }), query: NO_CREDENTIALS.query });
  }
  if (auth.query !== undefined) return Object.freeze({ headers: NO_CREDENTIALS.headers, query: Object.freeze({ [auth.query]: auth.value }) });
  return Object.freeze({ headers: Object.freeze({ [auth.header]: auth.value }), query: NO_CREDENTIALS.query });
}
