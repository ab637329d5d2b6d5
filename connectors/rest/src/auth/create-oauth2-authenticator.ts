/**
 * OAuth 2.0 client credentials for a source: one cached bearer token, shared
 * by all calls. It is fetched on first use, reused until `expires_in −
 * refreshSkewMs` (then the next call fetches a new one before the old one
 * dies), and fetched by ONE request however many calls need it at once.
 * A 401 from the legacy system drops the token (revoked, rotated keys) so
 * the call can be replayed once with a new one.
 */
import type { Dispatcher } from 'undici';
import { abandonOnAbort } from './abandon-on-abort';
import { NO_CREDENTIALS, type AuthCredentials, type Authenticator } from './authenticator';
import { fetchClientCredentialsToken } from './fetch-client-credentials-token';
import type { OAuth2ClientCredentialsAuthConfig } from './rest-auth-config';

/** @internal What the OAuth2 authenticator needs besides its config. */
export interface OAuth2AuthenticatorOptions {
  /** The source, named in errors. */
  readonly source: string;
  /** Connections to the token endpoint (carries the client certificate under mTLS); closed by `close()`. */
  readonly dispatcher: Dispatcher;
  /** Deadline of one token request. */
  readonly timeoutMs: number;
  /** The clock, in milliseconds. @default Date.now */
  readonly now?: () => number;
}

interface CachedToken {
  readonly credentials: AuthCredentials;
  /** Reused until then; `Infinity` when the endpoint gave no `expires_in` (a 401 drops it). */
  readonly freshUntil: number;
}

/** @internal Creates the authenticator of an `oauth2-client-credentials` source. */
export function createOAuth2Authenticator(auth: OAuth2ClientCredentialsAuthConfig, options: OAuth2AuthenticatorOptions): Authenticator {
  const now = options.now ?? Date.now;
  const stopped = new AbortController();
  let token: CachedToken | undefined;
  let pending: Promise<CachedToken> | undefined;

  const fetchToken = async (): Promise<CachedToken> => {
    const requestedAt = now();
    const issued = await fetchClientCredentialsToken(auth, {
      source: options.source,
      dispatcher: options.dispatcher,
      timeoutMs: options.timeoutMs,
      signal: stopped.signal,
    });
    // Counted from when the request left, so the cache never outlives the token. A lifetime shorter than the skew
    // would never be fresh; such tokens are reused for half their life instead of being fetched for every call.
    const lifetime = issued.expiresInMs ?? Number.POSITIVE_INFINITY;
    const reuseFor = Math.max(lifetime - auth.refreshSkewMs, lifetime / 2);
    const credentials = Object.freeze({ headers: Object.freeze({ authorization: `Bearer ${issued.accessToken}` }), query: NO_CREDENTIALS.query });
    return { credentials, freshUntil: requestedAt + reuseFor };
  };

  return {
    async credentials(signal) {
      if (token && now() < token.freshUntil) return token.credentials;
      if (!pending) {
        const shared = fetchToken().then(
          (fresh) => {
            if (!stopped.signal.aborted) token = fresh;
            return fresh;
          },
        );
        pending = shared;
        const clear = (): void => {
          if (pending === shared) pending = undefined;
        };
        shared.then(clear, clear);
      }
      return (await abandonOnAbort(pending, signal)).credentials;
    },

    cached: () => (token && now() < token.freshUntil ? token.credentials : NO_CREDENTIALS),

    renew(used) {
      // Only the first 401 for a token drops it; calls that used the same token join the refresh it starts.
      if (token && token.credentials.headers['authorization'] === used.headers['authorization']) token = undefined;
      return true;
    },

    async close() {
      stopped.abort();
      token = undefined;
      await options.dispatcher.close();
    },
  };
}
