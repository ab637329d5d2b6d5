/**
 * The {@link RegistryReader} over the Prisma registry. `load()` reads the
 * applications, live credentials and grants and the subgraphs in one
 * read-consistent batch and compiles them; `version()` is a few aggregate
 * queries (row counts, revocation counts, latest `updatedAt` of each table),
 * cheap enough to poll every two seconds.
 */
import type { RegistryReader } from '../stores/registry-snapshot';
import { buildRegistrySnapshot, type RegistryGrantRecord } from '../stores/build-registry-snapshot';
import { isDataGrade } from '../stores/data-grade';
import { isMaskRule } from '../stores/mask-rule';
import type { ApplicationStatus } from '../stores/registry-snapshot';
import type { RegistryClient } from './registry-client';

/** Options of {@link createPrismaRegistryReader}. */
export interface PrismaRegistryReaderOptions {
  /** @default the system clock */
  readonly now?: () => Date;
}

/** Creates a registry reader over `prisma`. */
export function createPrismaRegistryReader(prisma: RegistryClient, options: PrismaRegistryReaderOptions = {}): RegistryReader {
  const now = options.now ?? (() => new Date());
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
        prisma.$queryRawUnsafe<GrantRow[]>(
          'SELECT "id", "applicationId", "targets", "maxGrade", "purpose", "expiresAt", "requestsPerSecond", "dailyQuota", ' +
            '"requireEndUser", "unmask" FROM "Grant" WHERE "revokedAt" IS NULL',
        ),
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
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const date = new Date(typeof value === 'bigint' ? Number(value) : (value as string | number));
  // An unreadable date counts as already past: an expiry nobody can read must not grant forever.
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

function parseStringArray(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
