export {
  createAdminServer,
  type AdminServer,
  type AdminServerOptions,
  type AdminListenOptions,
  type ListeningAdminServer,
} from './create-admin-server';
export { ensureBootstrapAdminToken, type BootstrapAdminToken, type BootstrapAdminTokenOptions } from './bootstrap';
export { ADMIN_GRAPHQL_PATH, DEFAULT_ADMIN_PORT } from './admin-graphql-path';
export { BAD_USER_INPUT } from './admin-errors';
export type { AdminContext, AdminRequestContext } from './admin-context';
export type { AdminPrincipal } from './authenticate-admin';
