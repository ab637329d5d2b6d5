/**
 * A real admin API for tests: a fresh registry (SQLite in a temporary
 * directory, or PostgreSQL), the bootstrap platform-admin token, and the
 * server listening on 127.0.0.1:0. `call` posts one GraphQL request.
 */
import { createSilentLogger } from '../../../logger';
import { openRegistry, type Registry } from '../../../registry/open-registry';
import { createRegistryAdmin, type RegistryAdmin } from '../../../registry/registry-admin';
import { sqliteLocation, type TestRegistryLocation } from '../../../registry/__tests__/helpers/test-registries';
import { ensureBootstrapAdminToken } from '../../bootstrap';
import { createAdminServer, type ListeningAdminServer } from '../../create-admin-server';

export const TEST_PEPPER = 'admin-test-pepper-0123456789';

/** A GraphQL response with its HTTP status. */
export interface AdminResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly data?: Record<string, any> | null;
  readonly errors?: { message: string; extensions?: Record<string, any> }[];
}

/** A running admin API over a fresh registry. */
export interface AdminTestServer {
  readonly registry: Registry;
  readonly admin: RegistryAdmin;
  readonly listening: ListeningAdminServer;
  readonly url: string;
  /** The bootstrap platform-admin token. */
  readonly rootToken: string;
  call(token: string | undefined, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<AdminResponse>;
  close(): Promise<void>;
}

/** Starts the admin API over a new registry at `location` (default: a SQLite file). */
export async function startAdminTestServer(location: () => TestRegistryLocation = sqliteLocation): Promise<AdminTestServer> {
  const place = location();
  const registry = await openRegistry({ url: place.url });
  const admin = createRegistryAdmin(registry.prisma, { pepper: TEST_PEPPER });
  const bootstrap = await ensureBootstrapAdminToken(admin, { registry });
  if (!bootstrap.created) throw new Error('a fresh registry must get a bootstrap token');
  const server = createAdminServer({ registry, admin, logger: createSilentLogger() });
  const listening = await server.listen({ port: 0 });
  return {
    registry,
    admin,
    listening,
    url: listening.url,
    rootToken: bootstrap.token,
    async call(token, query, variables, headers = {}) {
      const response = await fetch(listening.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<AdminResponse, 'status' | 'headers'>;
      return { status: response.status, headers: response.headers, ...body };
    },
    async close() {
      await listening.close();
      await registry.close();
      await place.cleanup();
    },
  };
}
