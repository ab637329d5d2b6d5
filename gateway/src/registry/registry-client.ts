/**
 * The one Prisma client type the registry code is written against. Prisma
 * generates one client per provider; the SQLite and PostgreSQL clients of the
 * same models have the same delegates and methods (PostgreSQL adds only
 * filter options the registry does not use), so the store code is typed with
 * the SQLite client and `openRegistry` hands out either behind this type.
 */
export type { PrismaClient as RegistryClient } from './generated/sqlite/client';
