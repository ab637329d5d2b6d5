/**
 * Turns registry rows into a {@link RegistrySnapshot}: drops what is revoked or
 * already over, and compiles grants into sets. Shared by every
 * {@link RegistryReader}, so Prisma and in-memory registries behave alike.
 */
import type { DataGrade } from './data-grade';
import type { MaskRule } from './mask-rule';
import type {
  CompiledGrant,
  RegistryApplication,
  RegistryCredential,
  RegistrySnapshot,
  RegistrySubgraph,
} from './registry-snapshot';

/** A stored credential, revoked or not. */
export interface RegistryCredentialRecord {
  readonly id: string;
  readonly applicationId: string;
  readonly prefix: string;
  readonly hash: string;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly overlapUntil: Date | null;
}

/** A stored grant with its JSON columns parsed. */
export interface RegistryGrantRecord {
  readonly id: string;
  readonly applicationId: string;
  /** `Type.field` coordinates and `subgraph:<name>` entries. */
  readonly targets: readonly string[];
  readonly maxGrade: DataGrade;
  readonly purpose: string;
  readonly expiresAt: Date | null;
  readonly requestsPerSecond: number;
  readonly dailyQuota: number;
  readonly requireEndUser: boolean;
  readonly unmask: readonly MaskRule[];
  readonly revokedAt: Date | null;
}

/** Everything a snapshot is built from. */
export interface RegistryRecords {
  readonly applications: readonly RegistryApplication[];
  readonly credentials: readonly RegistryCredentialRecord[];
  readonly grants: readonly RegistryGrantRecord[];
  readonly subgraphs: readonly RegistrySubgraph[];
}

/** Shared by the many grants that clear no mask rule. */
const NO_MASK_RULES: ReadonlySet<MaskRule> = new Set<MaskRule>();

/** The prefix of a grant target that opens a whole subgraph. */
export const SUBGRAPH_TARGET_PREFIX = 'subgraph:';

/** Builds the snapshot of `records` as of `now`. */
export function buildRegistrySnapshot(records: RegistryRecords, version: string, now: Date = new Date()): RegistrySnapshot {
  const time = now.getTime();
  const applicationsById = new Map<string, RegistryApplication>();
  for (const application of records.applications) applicationsById.set(application.id, application);

  const credentialsByHash = new Map<string, RegistryCredential>();
  for (const credential of records.credentials) {
    if (credential.revokedAt || !applicationsById.has(credential.applicationId)) continue;
    const validUntil = earliest(credential.expiresAt, credential.overlapUntil);
    if (validUntil && validUntil.getTime() <= time) continue;
    credentialsByHash.set(credential.hash, {
      id: credential.id,
      applicationId: credential.applicationId,
      prefix: credential.prefix,
      hash: credential.hash,
      validUntil,
    });
  }

  const grantsByApplication = new Map<string, CompiledGrant[]>();
  for (const grant of records.grants) {
    if (grant.revokedAt || (grant.expiresAt && grant.expiresAt.getTime() <= time)) continue;
    const compiled = compileGrant(grant);
    const list = grantsByApplication.get(grant.applicationId);
    if (list) list.push(compiled);
    else grantsByApplication.set(grant.applicationId, [compiled]);
  }

  return {
    version,
    loadedAt: now,
    applicationsById,
    credentialsByHash,
    grantsByApplication,
    subgraphs: [...records.subgraphs],
  };
}

/** Compiles one grant's targets and mask rules into sets. */
export function compileGrant(grant: RegistryGrantRecord): CompiledGrant {
  const allowedCoordinates = new Set<string>();
  const allowedSubgraphs = new Set<string>();
  for (const target of grant.targets) {
    if (target.startsWith(SUBGRAPH_TARGET_PREFIX)) allowedSubgraphs.add(target.slice(SUBGRAPH_TARGET_PREFIX.length));
    else allowedCoordinates.add(target);
  }
  return {
    id: grant.id,
    applicationId: grant.applicationId,
    allowedCoordinates,
    allowedSubgraphs,
    maxGrade: grant.maxGrade,
    purpose: grant.purpose,
    expiresAt: grant.expiresAt ?? undefined,
    requestsPerSecond: grant.requestsPerSecond,
    dailyQuota: grant.dailyQuota,
    requireEndUser: grant.requireEndUser,
    unmask: grant.unmask.length === 0 ? NO_MASK_RULES : new Set(grant.unmask),
  };
}

function earliest(a: Date | null, b: Date | null): Date | undefined {
  if (a && b) return a.getTime() <= b.getTime() ? a : b;
  return a ?? b ?? undefined;
}
