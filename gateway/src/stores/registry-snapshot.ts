/**
 * What the gateway's policies read from the registry: one immutable snapshot,
 * reloaded when {@link RegistryReader.version} changes (polled every
 * `registryPollMs`). Lookups are map reads, so identifying an application and
 * checking its grants cost the same with 3 or 3,428 applications.
 */
import type { DataGrade } from './data-grade';
import type { MaskRule } from './mask-rule';

/** An application as the policies see it. */
export interface RegistryApplication {
  readonly id: string;
  readonly name: string;
  readonly departmentId: string;
  readonly contact: string;
  /** A suspended application is refused even with a valid key. */
  readonly status: ApplicationStatus;
}

/** `active` or `suspended`. */
export type ApplicationStatus = 'active' | 'suspended';

/** A credential that was live when the snapshot was taken (neither revoked nor past its end). */
export interface RegistryCredential {
  readonly id: string;
  readonly applicationId: string;
  /** The first 8 characters of the key (for logs and lists). */
  readonly prefix: string;
  /** Hex sha256 of pepper + key: the snapshot's lookup key. */
  readonly hash: string;
  /**
   * When the key stops being valid: the earlier of its expiry and, after a
   * rotation, the end of the overlap window. Checked on every request, since
   * time passing does not change the registry version. `undefined`: never.
   */
  readonly validUntil: Date | undefined;
}

/** A grant compiled for O(1) checks per field coordinate. */
export interface CompiledGrant {
  readonly id: string;
  readonly applicationId: string;
  /** `Type.field` coordinates the grant opens. */
  readonly allowedCoordinates: ReadonlySet<string>;
  /** Subgraph names whose every field the grant opens (`subgraph:<name>` targets). */
  readonly allowedSubgraphs: ReadonlySet<string>;
  /** The most sensitive data grade the grant reaches. */
  readonly maxGrade: DataGrade;
  readonly purpose: string;
  /** Checked on every request, like {@link RegistryCredential.validUntil}. `undefined`: never expires. */
  readonly expiresAt: Date | undefined;
  readonly requestsPerSecond: number;
  readonly dailyQuota: number;
  /** Calls under this grant need an end-user token. */
  readonly requireEndUser: boolean;
  /** Mask rules this grant clears. */
  readonly unmask: ReadonlySet<MaskRule>;
}

/** A subgraph registered by a department. */
export interface RegistrySubgraph {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly departmentId: string;
}

/** An immutable view of the registry, indexed for the request path. */
export interface RegistrySnapshot {
  /** The {@link RegistryReader.version} the snapshot was loaded at. */
  readonly version: string;
  readonly loadedAt: Date;
  readonly applicationsById: ReadonlyMap<string, RegistryApplication>;
  /** Live credentials by key hash. */
  readonly credentialsByHash: ReadonlyMap<string, RegistryCredential>;
  /** Live (unrevoked, unexpired at load) grants of each application. */
  readonly grantsByApplication: ReadonlyMap<string, readonly CompiledGrant[]>;
  readonly subgraphs: readonly RegistrySubgraph[];
}

/** Where snapshots come from (Prisma in production, memory in tests). */
export interface RegistryReader {
  /** Reads the whole registry into a snapshot. */
  load(): Promise<RegistrySnapshot>;
  /** A cheap value that changes whenever the registry changes; the gateway polls it. */
  version(): Promise<string>;
}
