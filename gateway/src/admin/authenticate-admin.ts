/**
 * Who is calling the admin API: `Authorization: Bearer <admin token>`,
 * checked with the registry's admin-token check (a lookup by peppered hash,
 * then a constant-time comparison). Anything else is `UNAUTHENTICATED`, with
 * the same message whatever was wrong, so a caller learns nothing about
 * which tokens exist.
 */
import { GW_ERRORS } from '../errors';
import type { AdminTokenView, RegistryAdmin } from '../registry/registry-admin';
import { ADMIN_TOKEN_PATTERN } from '../registry/secrets';

/** The admin token a request was made with. */
export type AdminPrincipal = AdminTokenView;

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * Verifies the request's bearer token.
 * @throws GatewayError `UNAUTHENTICATED` (401, `WWW-Authenticate: Bearer`)
 */
export async function authenticateAdmin(authorization: string | null, admin: Pick<RegistryAdmin, 'verifyAdminToken'>): Promise<AdminPrincipal> {
  const token = authorization ? BEARER.exec(authorization)?.[1] : undefined;
  // The pattern check only spares the database malformed guesses; it is not the verification.
  const principal = token && ADMIN_TOKEN_PATTERN.test(token) ? await admin.verifyAdminToken(token) : undefined;
  if (!principal) {
    throw GW_ERRORS.UNAUTHENTICATED.err('A valid admin token is required: Authorization: Bearer <admin token>.', {
      headers: { 'WWW-Authenticate': 'Bearer realm="govgraph-admin"' },
    });
  }
  return principal;
}
