/**
 * Step 2 of the request pipeline (ARCHITECTURE.md): the end user on whose
 * behalf an application calls, proven by a JWT from the province's identity
 * provider in `x-end-user-token`, verified against its JWKS. A token that is
 * sent must be valid (else 401); whether one is required depends on the
 * grants the operation relies on (`requireEndUser`), which the grant step
 * knows. The subject goes into the context and the context token; the audit
 * keeps only its sha256.
 */
import type { Plugin } from 'graphql-yoga';
import { jwtVerify } from 'jose';
import { GW_ERRORS } from '../errors';
import { requestAccessOf } from '../policy/request-access';
import { sha256Hex } from '../policy/sha256-hex';
import { createKeyResolver, DEFAULT_JWT_ALGORITHMS, type JwksSource } from './use-application-auth';
import type { GatewayContext } from './types';

/** Header of the end-user token (the raw JWT, or `Bearer <JWT>`). */
export const END_USER_TOKEN_HEADER = 'x-end-user-token';

/** The `WWW-Authenticate` challenge of a missing or invalid end-user token. @internal */
export function endUserChallenge(realm: string, error?: string): string {
  return `EndUserToken realm="${realm}", header="${END_USER_TOKEN_HEADER}"${error ? `, error="${error}"` : ''}`;
}

/** Options of {@link useEndUser}. */
export type EndUserOptions = JwksSource & {
  readonly issuer: string;
  readonly audience: string | readonly string[];
  /** @default DEFAULT_JWT_ALGORITHMS */
  readonly algorithms?: readonly string[];
  /** @default 'govgraph' */
  readonly realm?: string;
  /** @default Date.now */
  readonly now?: () => number;
};

/** Verifies the end-user token when one is sent. */
export function useEndUser(options: EndUserOptions): Plugin<GatewayContext> {
  const keys = createKeyResolver(options);
  const realm = options.realm ?? 'govgraph';
  const now = options.now ?? Date.now;
  const algorithms = [...(options.algorithms ?? DEFAULT_JWT_ALGORITHMS)];
  return {
    async onParams({ request }) {
      const raw = request.headers.get(END_USER_TOKEN_HEADER);
      if (raw === null) return;
      const state = requestAccessOf(request);
      const token = raw.replace(/^Bearer\s+/i, '').trim();
      let subject: unknown;
      try {
        ({
          payload: { sub: subject },
        } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience as string | string[],
          algorithms,
          currentDate: new Date(now()),
        }));
      } catch {
        subject = undefined;
      }
      if (typeof subject !== 'string' || subject === '') {
        state.outcome = 'unauthenticated';
        throw GW_ERRORS.UNAUTHENTICATED.err('The end-user token is invalid or expired.', {
          headers: { 'WWW-Authenticate': endUserChallenge(realm, 'invalid_token') },
        });
      }
      state.endUser = { subject, subjectHash: sha256Hex(subject) };
    },
  };
}
