/**
 * Turns registry rows into a {@link RegistrySnapshot}: drops what is revoked or
 * already over, and compiles grants into sets. Shared by every
 * {@link RegistryReader}, so Prisma and in-memory registries behave alike.
 *
 * Compact at the province's size (50,000 grants): grants with the same
 * targets share one frozen set of coordinates and one of subgraphs, and
 * coordinate, subgraph and purpose strings are interned, so the snapshot
 * holds each distinct target list once instead of two sets per grant.
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
const NO_MASK_RULES: ReadonlySet<MaskRule> = freezeSet(new Set<MaskRule>());

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
  const compile = createGrantCompiler();
  for (const grant of records.grants) {
    if (grant.revokedAt || (grant.expiresAt && grant.expiresAt.getTime() <= time)) continue;
    const compiled = compile(grant);
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
  return createGrantCompiler()(grant);
}

/**
 * A grant compiler for one snapshot: identical target sets and mask-rule
 * sets are built once and shared (frozen, so no grant can change another's),
 * and the strings in them are interned.
 */
function createGrantCompiler(): (grant: RegistryGrantRecord) => CompiledGrant {
  const strings = new Map<string, string>();
  const intern = (value: string): string => {
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
  };
  const sets = new Map<string, ReadonlySet<string>>();
  const shared = <T extends string>(kind: string, members: readonly T[]): ReadonlySet<T> => {
    if (members.length === 0) return EMPTY_SET as ReadonlySet<T>;
    const key = `${kind}\n${[...members].sort().join('\n')}`;
    let set = sets.get(key);
    if (!set) sets.set(key, (set = freezeSet(new Set(members.map(intern)))));
    return set as ReadonlySet<T>;
  };
  return (grant) => {
    const coordinates: string[] = [];
    const subgraphs: string[] = [];
    for (const target of grant.targets) {
      if (target.startsWith(SUBGRAPH_TARGET_PREFIX)) subgraphs.push(target.slice(SUBGRAPH_TARGET_PREFIX.length));
      else coordinates.push(target);
    }
    return {
      id: grant.id,
      applicationId: grant.applicationId,
      allowedCoordinates: shared('coordinates', coordinates),
      allowedSubgraphs: shared('subgraphs', subgraphs),
      maxGrade: grant.maxGrade,
      purpose: intern(grant.purpose),
      expiresAt: grant.expiresAt ?? undefined,
      requestsPerSecond: grant.requestsPerSecond,
      dailyQuota: grant.dailyQuota,
      requireEndUser: grant.requireEndUser,
      unmask: grant.unmask.length === 0 ? NO_MASK_RULES : shared('unmask', grant.unmask),
    };
  };
}

const EMPTY_SET: ReadonlySet<string> = freezeSet(new Set<string>());

/** A set whose mutators throw: shared between grants, so none may change it. */
function freezeSet<T>(set: Set<T>): ReadonlySet<T> {
  const refuse = (): never => {
    throw new TypeError('A compiled grant set is shared and read-only.');
  };
  // Not enumerable: the set still compares and prints as a plain set of its members.
  for (const method of ['add', 'delete', 'clear'] as const) Object.defineProperty(set, method, { value: refuse, enumerable: false });
  return Object.freeze(set);
}

function earliest(a: Date | null, b: Date | null): Date | undefined {
  if (a && b) return a.getTime() <= b.getTime() ? a : b;
  return a ?? b ?? undefined;
}
