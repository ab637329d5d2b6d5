/**
 * The first admin token. A new registry has no admin token, and every admin
 * API call needs one, so the start command makes a platform-admin token when
 * no live one exists and prints it once. A fixed token (from the environment
 * of a dev setup or a deployment secret) is stored instead of a random one.
 */
import { GW_ERRORS } from '../errors';
import type { Registry } from '../registry/open-registry';
import type { AdminTokenView, RegistryAdmin } from '../registry/registry-admin';
import { ADMIN_TOKEN_PATTERN, hashSecret } from '../registry/secrets';

/** Options of {@link ensureBootstrapAdminToken}. */
export interface BootstrapAdminTokenOptions {
  /** The registry (to count the live platform-admin tokens and store a fixed token). */
  readonly registry: Pick<Registry, 'prisma'>;
  /** The server pepper; needed only with `token`. */
  readonly pepper?: string;
  /** A fixed token, `gga_` + 40 base62 characters. @default a new random token */
  readonly token?: string;
  /** @default 'bootstrap' */
  readonly name?: string;
}

/** What {@link ensureBootstrapAdminToken} did. */
export type BootstrapAdminToken =
  | { readonly created: true; /** Shown once. */ readonly token: string; readonly record: AdminTokenView }
  | { readonly created: false };

/**
 * Creates a platform-admin token if no live one exists (or, with a fixed
 * `token`, if that token is not stored yet) and returns it; otherwise does
 * nothing. A fixed token that was revoked stays revoked.
 * @throws GatewayError `GW_CONFIG_INVALID` for a malformed fixed token or a missing pepper
 */
export async function ensureBootstrapAdminToken(admin: RegistryAdmin, options: BootstrapAdminTokenOptions): Promise<BootstrapAdminToken> {
  const { prisma } = options.registry;
  const name = options.name ?? 'bootstrap';
  if (options.token !== undefined) {
    if (!ADMIN_TOKEN_PATTERN.test(options.token)) {
      throw GW_ERRORS.GW_CONFIG_INVALID.err('A fixed admin token must be gga_ followed by 40 letters and digits.');
    }
    if (options.pepper === undefined) throw GW_ERRORS.GW_CONFIG_INVALID.err('A fixed admin token needs the registry pepper.');
    const hash = hashSecret(options.pepper, options.token);
    if (await prisma.adminToken.findUnique({ where: { hash } })) return { created: false };
    const { hash: _hash, ...record } = await prisma.adminToken.create({ data: { name, role: 'platform-admin', hash } });
    return { created: true, token: options.token, record: { ...record, role: 'platform-admin' } };
  }
  const live = await prisma.adminToken.count({ where: { role: 'platform-admin', revokedAt: null } });
  if (live > 0) return { created: false };
  const issued = await admin.createAdminToken({ name, role: 'platform-admin' });
  return { created: true, token: issued.secret, record: issued.record };
}
