/**
 * Step 1 of the request pipeline (ARCHITECTURE.md): identify the
 * application, before anything else is done with the request (no parsing, no
 * validation, so an unidentified caller learns nothing of the schema). Two
 * ways in: an API key in `x-api-key` (looked up by `sha256(pepper + key)` in
 * the registry snapshot; only hashes are stored), or an OAuth2
 * client-credentials access token from the province's identity provider in
 * `Authorization: Bearer`, verified against its JWKS, whose claim (default
 * `client_id`) names the application. Missing, unknown, revoked or expired
 * credentials and suspended applications are refused with 401
 * `UNAUTHENTICATED` and a `WWW-Authenticate` challenge.
 */
import type { Plugin } from 'graphql-yoga';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { GW_ERRORS, type GatewayError } from '../errors';
import { hashSecret, sameSecret } from '../registry/secrets';
import { findRequestAccess, requestAccessOf, type RequestAccess } from '../policy/request-access';
import type { CompiledGrant, RegistryApplication, RegistrySnapshot } from '../stores/registry-snapshot';
import type { GatewayContext, Principal } from './types';

/** Header of the API key. */
export const API_KEY_HEADER = 'x-api-key';

/** Asymmetric algorithms accepted for identity-provider tokens (never `none` or HMAC). */
export const DEFAULT_JWT_ALGORITHMS: readonly string[] = Object.freeze(['RS256', 'PS256', 'ES256', 'EdDSA']);

/** Where to get an identity provider's keys: its JWKS URL, or the key set itself. */
export type JwksSource = { readonly jwksUrl: string; readonly jwks?: never } | { readonly jwks: JSONWebKeySet; readonly jwksUrl?: never };

/** How client-credentials access tokens are verified. */
export type ClientCredentialsOptions = JwksSource & {
  readonly issuer: string;
  readonly audience: string | readonly string[];
  /** The claim holding the application id. @default 'client_id' */
  readonly applicationClaim?: string;
  /** @default DEFAULT_JWT_ALGORITHMS */
  readonly algorithms?: readonly string[];
};

/** Options of {@link useApplicationAuth}. */
export interface ApplicationAuthOptions {
  /** The current registry snapshot (a `RegistryCache`). */
  readonly registry: { current(): RegistrySnapshot };
  /** The server pepper keys are hashed with. */
  readonly pepper: string;
  /** Accept client-credentials access tokens. @default API keys only */
  readonly clientCredentials?: ClientCredentialsOptions;
  /** Realm of the `WWW-Authenticate` challenges. @default 'govgraph' */
  readonly realm?: string;
  /** @default Date.now */
  readonly now?: () => number;
}

/** Creates a jose key resolver for `source`. @internal */
export function createKeyResolver(source: JwksSource): JWTVerifyGetKey {
  if (source.jwksUrl !== undefined) return createRemoteJWKSet(new URL(source.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
  return createLocalJWKSet(source.jwks);
}

/** Identifies the application of every GraphQL request, or refuses it, and puts its principal in the context. */
export function useApplicationAuth(options: ApplicationAuthOptions): Plugin<GatewayContext> {
  const { identify, principalOf } = createApplicationAuth(options);
  return {
    ...identify,
    onContextBuilding({ context, extendContext }) {
      const principal = principalOf(context.request);
      if (principal) extendContext({ principal });
    },
  };
}

/** The application step in two parts, for a gateway that builds the context in one step of its own. @internal */
export interface ApplicationAuth {
  /** Identifies the application in `onParams`, or refuses the request. */
  readonly identify: Plugin<GatewayContext>;
  /** The principal of an identified request (after `onParams`); none for a request not identified. */
  principalOf(request: Request): Principal | undefined;
}

/**
 * The parts of {@link useApplicationAuth}: the gateway puts the principal in the context in the same
 * `onContextBuilding` step as the request id (`use-request-id.ts`), one context hook per request instead of two.
 * @internal
 */
export function createApplicationAuth(options: ApplicationAuthOptions): ApplicationAuth {
  const { registry, pepper, clientCredentials } = options;
  if (typeof pepper !== 'string' || pepper.length < 16) throw new TypeError('useApplicationAuth: pepper must be a string of at least 16 characters');
  const realm = options.realm ?? 'govgraph';
  const now = options.now ?? Date.now;
  const keys = clientCredentials ? createKeyResolver(clientCredentials) : undefined;
  const applicationClaim = clientCredentials?.applicationClaim ?? 'client_id';
  const algorithms = [...(clientCredentials?.algorithms ?? DEFAULT_JWT_ALGORITHMS)];
  const challenge = (error?: string): string => {
    const challenges = [`ApiKey realm="${realm}", header="${API_KEY_HEADER}"`];
    if (clientCredentials) challenges.push(`Bearer realm="${realm}"${error ? `, error="${error}"` : ''}`);
    return challenges.join(', ');
  };
  const refuse = (state: RequestAccess, message: string, error?: string): GatewayError => {
    state.outcome = 'unauthenticated';
    return GW_ERRORS.UNAUTHENTICATED.err(message, { headers: { 'WWW-Authenticate': challenge(error) } });
  };

  /** Binds the application of `applicationId` (from the key or the token) to the request. */
  const admit = (state: RequestAccess, snapshot: RegistrySnapshot, applicationId: string, time: number): void => {
    const application = snapshot.applicationsById.get(applicationId);
    if (!application) throw refuse(state, 'Unknown application.', state.credential === 'client-credentials' ? 'invalid_token' : undefined);
    if (application.status !== 'active') throw refuse(state, 'The application is suspended.');
    state.application = application;
    state.grants = liveGrants(snapshot.grantsByApplication.get(application.id) ?? [], time);
  };

  const identifyByToken = async (bearer: string, verify: JWTVerifyGetKey, state: RequestAccess, snapshot: RegistrySnapshot, time: number): Promise<void> => {
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(bearer, verify, {
        issuer: clientCredentials?.issuer,
        audience: clientCredentials?.audience as string | string[],
        algorithms,
        currentDate: new Date(time),
      }));
    } catch {
      throw refuse(state, 'The access token is invalid or expired.', 'invalid_token');
    }
    const claimed = claims[applicationClaim];
    if (typeof claimed !== 'string' || claimed === '') throw refuse(state, `The access token has no "${applicationClaim}" claim.`, 'invalid_token');
    state.credential = 'client-credentials';
    admit(state, snapshot, claimed, time);
  };

  // The principal of a request without an end user or a purpose is the same for every such request of one
  // application and credential: one frozen object per (snapshot's application, credential), so none is built per
  // request and the engine derives its in-flight identity once (inflight-dedupe.ts). A new snapshot brings new
  // application objects, and with them fresh principals.
  const sharedPrincipals = new WeakMap<RegistryApplication, Map<Principal['credential'], Principal>>();
  const sharedPrincipalOf = (application: RegistryApplication, credential: Principal['credential']): Principal => {
    let byCredential = sharedPrincipals.get(application);
    if (!byCredential) sharedPrincipals.set(application, (byCredential = new Map()));
    let principal = byCredential.get(credential);
    if (!principal) {
      principal = Object.freeze({ applicationId: application.id, applicationName: application.name, credential, userSubject: undefined, purpose: undefined });
      byCredential.set(credential, principal);
    }
    return principal;
  };

  // The keyed hash of the last API key sent on a connection: a client sends the same key with every request of a
  // keep-alive connection, so the key is hashed once per connection, not per request. The entry goes with the
  // socket. A proxy may carry several callers' requests on one connection, so the key is compared with the one
  // sent before in constant time (`sameSecret`), never with an early exit that would tell how much of another
  // caller's key a guess matched. The credential is still looked up in the current snapshot every time, so a
  // revoked key is refused on an open connection as soon as the snapshot says so.
  const lastKeyOfConnection = new WeakMap<object, { readonly apiKey: string; readonly hash: string }>();
  const hashOfKey = (apiKey: string, connection: object | undefined): string => {
    if (connection === undefined) return hashSecret(pepper, apiKey);
    const last = lastKeyOfConnection.get(connection);
    if (last !== undefined && sameSecret(last.apiKey, apiKey)) return last.hash;
    const hash = hashSecret(pepper, apiKey);
    lastKeyOfConnection.set(connection, { apiKey, hash });
    return hash;
  };

  /** Synchronous for an API key (the usual case: no turn of the event loop); a promise for a token to verify. */
  const identify = (request: Request, state: RequestAccess, connection: object | undefined): void | Promise<void> => {
    try {
      const apiKey = request.headers.get(API_KEY_HEADER);
      const authorization = request.headers.get('authorization');
      if (apiKey !== null && authorization !== null) throw refuse(state, `Send one credential: ${API_KEY_HEADER} or Authorization, not both.`, 'invalid_request');
      const snapshot = registry.current();
      const time = now();
      if (apiKey !== null) {
        const hash = hashOfKey(apiKey.trim(), connection);
        // The map is keyed by the keyed hash itself: a hit is an exact match of a value no caller can choose (the
        // pepper is secret), so comparing the two again in constant time would add nothing.
        const credential = snapshot.credentialsByHash.get(hash);
        if (!credential) throw refuse(state, 'Unknown or revoked API key.');
        if (credential.validUntil && credential.validUntil.getTime() <= time) throw refuse(state, 'The API key has expired.');
        state.credential = 'api-key';
        admit(state, snapshot, credential.applicationId, time);
        return;
      }
      const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
      if (bearer !== undefined && keys) return identifyByToken(bearer, keys, state, snapshot, time);
      if (authorization !== null) {
        throw refuse(state, clientCredentials ? 'Authorization must be "Bearer <access token>".' : `This gateway takes API keys only (${API_KEY_HEADER}).`, 'invalid_request');
      }
      throw refuse(state, `Missing credentials: send ${API_KEY_HEADER}${clientCredentials ? ' or Authorization: Bearer <client-credentials access token>' : ''}.`);
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return {
    identify: {
      onParams({ request, params, context }) {
        const state = requestAccessOf(request);
        state.document ??= typeof params.query === 'string' ? params.query : undefined;
        state.operationName ??= typeof params.operationName === 'string' ? params.operationName : undefined;
        return identify(request, state, connectionOf(context));
      },
    },
    principalOf(request) {
      const state = findRequestAccess(request);
      const application = state?.application;
      const credential = state?.credential;
      if (!state || !application || !credential) return undefined;
      const userSubject = state.endUser?.subject;
      const purpose = state.purpose;
      if (userSubject === undefined && purpose === undefined) return sharedPrincipalOf(application, credential);
      return { applicationId: application.id, applicationName: application.name, credential, userSubject, purpose };
    },
  };
}

/** The socket a request came on, when node:http serves the gateway (yoga's server context `req`); none otherwise. */
function connectionOf(serverContext: unknown): object | undefined {
  const socket = (serverContext as { req?: { socket?: unknown } } | undefined)?.req?.socket;
  return typeof socket === 'object' && socket !== null ? socket : undefined;
}

/**
 * The grants of `grants` not expired at `time`: the snapshot's own array when none has (the usual case), so
 * the grant check can reuse its verdicts for the same array (use-access-grants.ts).
 */
function liveGrants(grants: readonly CompiledGrant[], time: number): readonly CompiledGrant[] {
  const expired = (grant: CompiledGrant): boolean => grant.expiresAt !== undefined && grant.expiresAt.getTime() <= time;
  return grants.some(expired) ? grants.filter((grant) => !expired(grant)) : grants;
}
