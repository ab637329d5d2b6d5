/**
 * Where the admin API answers. Its own path (and its own port) so it can be
 * bound to an internal interface and firewalled apart from the public
 * gateway; shared by the server and the CLI's default URL.
 */

/** The admin API's GraphQL endpoint path. */
export const ADMIN_GRAPHQL_PATH = '/admin/graphql';

/** The admin API's default port (the gateway's public endpoint is 4000). */
export const DEFAULT_ADMIN_PORT = 4010;
