/**
 * The {@link RegistryReader} over the Prisma registry. `load()` reads the
 * applications, live credentials and grants and the subgraphs in one
 * read-consistent batch and compiles them; `version()` is a few aggregate
 * queries (row counts, revocation counts, latest `updatedAt` of each table),
 * cheap enough to poll every two seconds. On a registry from `openRegistry`
 * both run on its driver (registry-driver.ts), without Prisma's query
 * compiler and row mapping; on any other client, through Prisma.
 */
import type { RegistryReader } from '../stores/registry-snapshot';
import { buildRegistrySnapshot, type RegistryGrantRecord } from '../stores/build-registry-snapshot';
import { isDataGrade } from '../stores/data-grade';
import { isMaskRule } from '../stores/mask-rule';
import type { ApplicationStatus } from '../stores/registry-snapshot';
import type { RegistryClient } from './registry-client';
import { parseStoredTimestamp, registryDriverOf, type RegistryDriver, type SqlRow } from './registry-driver';

/** Options of {@link createPrismaRegistryReader}. */
export interface PrismaRegistryReaderOptions {
  /** @default the system clock */
  readonly now?: () => Date;
  /** Read on the driver `openRegistry` attached to the client, when there is one. @default true */
  readonly useDriver?: boolean;
}

/** Creates a registry reader over `prisma`. */
export function createPrismaRegistryReader(prisma: RegistryClient, options: PrismaRegistryReaderOptions = {}): RegistryReader {
  const now = options.now ?? (() => new Date());
  const driver = options.useDriver === false ? undefined : registryDriverOf(prisma);
  if (driver) return createDriverReader(driver, now);
  const reader: RegistryReader = {
    async version() {
      const [departments, applications, credentials, revokedCredentials, grants, revokedGrants, subgraphs] = await prisma.$transaction([
        prisma.department.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
        prisma.application.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
        prisma.credential.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
        prisma.credential.count({ where: { revokedAt: { not: null } } }),
        prisma.grant.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
        prisma.grant.count({ where: { revokedAt: { not: null } } }),
        prisma.subgraph.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
      ]);
      const part = (aggregate: { _count: { _all: number }; _max: { updatedAt: Date | null } }) =>
        `${aggregate._count._all}@${aggregate._max.updatedAt?.getTime() ?? 0}`;
      return [
        part(departments),
        part(applications),
        part(credentials),
        revokedCredentials,
        part(grants),
        revokedGrants,
        part(subgraphs),
      ].join('/');
    },
    async load() {
      const at = now();
      const version = await reader.version();
      const [applications, credentials, grants, subgraphs] = await prisma.$transaction([
        prisma.application.findMany({ select: { id: true, name: true, departmentId: true, contact: true, status: true } }),
        prisma.credential.findMany({
          where: { revokedAt: null },
          select: { id: true, applicationId: true, prefix: true, hash: true, expiresAt: true, revokedAt: true, overlapUntil: true },
        }),
        // Raw: for 50,000 grants the client's row mapping costs more than the query itself.
        prisma.$queryRawUnsafe<GrantRow[]>(grantsSql('"expiresAt"')),
        prisma.subgraph.findMany({ select: { id: true, name: true, url: true, departmentId: true } }),
      ]);
      return buildRegistrySnapshot(
        {
          applications: applications.map((application) => ({ ...application, status: toStatus(application.status) })),
          credentials,
          grants: grants.map(toGrantRecord),
          subgraphs,
        },
        version,
        at,
      );
    },
  };
  return reader;
}

/** The live grants; `expiresAt` is the column's select expression (the driver reads it as text). */
const grantsSql = (expiresAt: string): string =>
  `SELECT "id", "applicationId", "targets", "maxGrade", "purpose", ${expiresAt}, "requestsPerSecond", "dailyQuota", ` +
  '"requireEndUser", "unmask" FROM "Grant" WHERE "revokedAt" IS NULL';

/** The version as one statement: per table its row count and latest `updatedAt` (as text), and the revocation counts. */
const VERSION_SQL = `SELECT ${[
  ['Department', 'departments'],
  ['Application', 'applications'],
  ['Credential', 'credentials'],
  ['Grant', 'grants'],
  ['Subgraph', 'subgraphs'],
]
  .map(([table, name]) => `(SELECT COUNT(*) FROM "${table}") AS "${name}", (SELECT CAST(MAX("updatedAt") AS TEXT) FROM "${table}") AS "${name}At"`)
  .join(', ')}, (SELECT COUNT(*) FROM "Credential" WHERE "revokedAt" IS NOT NULL) AS "revokedCredentials", ` +
  '(SELECT COUNT(*) FROM "Grant" WHERE "revokedAt" IS NOT NULL) AS "revokedGrants"';

/**
 * The reader on the registry's driver (registry-driver.ts): the snapshot's four reads and the version in one
 * read-consistent transaction, rows as the driver returns them, timestamps selected as text.
 */
function createDriverReader(driver: RegistryDriver, now: () => Date): RegistryReader {
  const versionOf = (row: SqlRow | undefined): string => {
    if (!row) throw new Error('the registry version query returned no row');
    const part = (name: string) => `${Number(row[name])}@${parseStoredTimestamp(row[`${name}At`])?.getTime() ?? 0}`;
    return [part('departments'), part('applications'), part('credentials'), Number(row['revokedCredentials']), part('grants'), Number(row['revokedGrants']), part('subgraphs')].join(
      '/',
    );
  };
  return {
    async version() {
      const [rows] = await driver.readConsistent([VERSION_SQL]);
      return versionOf(rows?.[0]);
    },
    async load() {
      const at = now();
      const [versionRows, applications, credentials, grants, subgraphs] = await driver.readConsistent([
        VERSION_SQL,
        'SELECT "id", "name", "departmentId", "contact", "status" FROM "Application"',
        'SELECT "id", "applicationId", "prefix", "hash", CAST("expiresAt" AS TEXT) AS "expiresAt", CAST("overlapUntil" AS TEXT) AS "overlapUntil" ' +
          'FROM "Credential" WHERE "revokedAt" IS NULL',
        grantsSql('CAST("expiresAt" AS TEXT) AS "expiresAt"'),
        'SELECT "id", "name", "url", "departmentId" FROM "Subgraph"',
      ]);
      return buildRegistrySnapshot(
        {
          applications: (applications ?? []).map((row) => ({
            id: String(row['id']),
            name: String(row['name']),
            departmentId: String(row['departmentId']),
            contact: String(row['contact']),
            status: toStatus(String(row['status'])),
          })),
          credentials: (credentials ?? []).map((row) => ({
            id: String(row['id']),
            applicationId: String(row['applicationId']),
            prefix: String(row['prefix']),
            hash: String(row['hash']),
            expiresAt: toDate(row['expiresAt']),
            revokedAt: null, // selected WHERE "revokedAt" IS NULL
            overlapUntil: toDate(row['overlapUntil']),
          })),
          grants: ((grants ?? []) as unknown as GrantRow[]).map(toGrantRecord),
          subgraphs: (subgraphs ?? []).map((row) => ({
            id: String(row['id']),
            name: String(row['name']),
            url: String(row['url']),
            departmentId: String(row['departmentId']),
          })),
        },
        versionOf(versionRows?.[0]),
        at,
      );
    },
  };
}

function toStatus(status: string): ApplicationStatus {
  // Anything but `active` is treated as suspended: fail closed on an unexpected value.
  return status === 'active' ? 'active' : 'suspended';
}

/** A `Grant` row as the raw query returns it (drivers differ in how they type dates, booleans and integers). */
interface GrantRow {
  id: string;
  applicationId: string;
  targets: string;
  maxGrade: string;
  purpose: string;
  expiresAt: unknown;
  requestsPerSecond: unknown;
  dailyQuota: unknown;
  requireEndUser: unknown;
  unmask: string;
}

function toGrantRecord(row: GrantRow): RegistryGrantRecord {
  return {
    id: row.id,
    applicationId: row.applicationId,
    targets: parseStringArray(row.targets),
    // A grade that is not L1–L4 (hand-edited row) grants nothing sensitive: fail closed at L1.
    maxGrade: isDataGrade(row.maxGrade) ? row.maxGrade : 'L1',
    purpose: row.purpose,
    expiresAt: toDate(row.expiresAt),
    requestsPerSecond: Number(row.requestsPerSecond),
    dailyQuota: Number(row.dailyQuota),
    requireEndUser: row.requireEndUser === true || row.requireEndUser === 1 || row.requireEndUser === 1n,
    unmask: row.unmask === '[]' ? [] : parseStringArray(row.unmask).filter(isMaskRule),
    revokedAt: null, // selected WHERE "revokedAt" IS NULL
  };
}

function toDate(value: unknown): Date | null {
  const date = parseStoredTimestamp(value);
  // An unreadable date counts as already past: an expiry nobody can read must not grant forever.
  return date === null || !Number.isNaN(date.getTime()) ? date : new Date(0);
}

function parseStringArray(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
