/**
 * The registry's write operations, under the admin API and the CLI: create
 * departments, applications and subgraphs; issue, rotate, revoke and expire
 * API keys; add and revoke grants; create and check admin tokens. Input is
 * validated here (all problems at once); secrets are returned once and only
 * their peppered hashes are stored.
 */
import { GW_ERRORS } from '../errors';
import type { DataGrade } from '../stores/data-grade';
import type { MaskRule } from '../stores/mask-rule';
import type { ApplicationStatus } from '../stores/registry-snapshot';
import type { AdminToken, Application, Credential, Department, Grant, Subgraph } from './generated/sqlite/client';
import { mapPrismaError } from './map-prisma-error';
import {
  parseAdminTokenInput,
  parseApplicationInput,
  parseDepartmentInput,
  parseGrantInput,
  parseSubgraphInput,
  type AdminRole,
  type AdminTokenInput,
  type ApplicationInput,
  type DepartmentInput,
  type GrantInput,
  type SubgraphInput,
} from './parse-registry-input';
import type { RegistryClient } from './registry-client';
import { generateAdminToken, generateApiKey, hashSecret, KEY_PREFIX_LENGTH, secretMatches } from './secrets';

/** A credential as admins see it: everything but the hash. */
export type CredentialView = Omit<Credential, 'hash' | 'updatedAt'>;
/** A grant with its JSON columns parsed. */
export interface GrantView extends Omit<Grant, 'targets' | 'unmask' | 'maxGrade'> {
  readonly targets: string[];
  readonly maxGrade: DataGrade;
  readonly unmask: MaskRule[];
}
/** An admin token as admins see it: everything but the hash. */
export interface AdminTokenView extends Omit<AdminToken, 'hash' | 'role'> {
  readonly role: AdminRole;
}
/** A secret shown once, with the record it belongs to. */
export interface IssuedSecret<Record> {
  /** The plaintext: shown once, never stored. */
  readonly secret: string;
  readonly record: Record;
}

/** Options of {@link RegistryAdmin.rotateApiKey}. */
export interface RotateApiKeyOptions {
  /** How long the old key stays valid after the rotation. @default 86400 (one day) */
  readonly overlapSeconds?: number;
  /** Expiry of the new key. @default none */
  readonly expiresAt?: Date;
}

/** The registry's write operations. */
export interface RegistryAdmin {
  createDepartment(input: DepartmentInput): Promise<Department>;
  createApplication(input: ApplicationInput): Promise<Application>;
  setApplicationStatus(applicationId: string, status: ApplicationStatus): Promise<Application>;
  createSubgraph(input: SubgraphInput): Promise<Subgraph>;
  /** A new API key for the application; the plaintext is in `secret`, only here. */
  issueApiKey(applicationId: string, options?: { expiresAt?: Date }): Promise<IssuedSecret<CredentialView>>;
  /** A new key replacing `credentialId`; the old one stays valid for the overlap window. */
  rotateApiKey(credentialId: string, options?: RotateApiKeyOptions): Promise<IssuedSecret<CredentialView>>;
  /** Makes the key invalid now. */
  revokeCredential(credentialId: string): Promise<CredentialView>;
  /** Sets the key's expiry (default now). */
  expireCredential(credentialId: string, at?: Date): Promise<CredentialView>;
  /** The application's credentials, newest first. */
  listCredentials(applicationId: string): Promise<CredentialView[]>;
  addGrant(input: GrantInput): Promise<GrantView>;
  revokeGrant(grantId: string): Promise<GrantView>;
  /** The application's grants (revoked ones too), newest first. */
  listGrants(applicationId: string): Promise<GrantView[]>;
  /** A new admin token; the plaintext is in `secret`, only here. */
  createAdminToken(input: AdminTokenInput): Promise<IssuedSecret<AdminTokenView>>;
  revokeAdminToken(adminTokenId: string): Promise<AdminTokenView>;
  /** The live admin token `token` is, or `undefined` (unknown or revoked). */
  verifyAdminToken(token: string): Promise<AdminTokenView | undefined>;
}

/** Options of {@link createRegistryAdmin}. */
export interface RegistryAdminOptions {
  /** Server secret mixed into every stored hash (config, not the database); at least 16 characters. */
  readonly pepper: string;
  /** @default the system clock */
  readonly now?: () => Date;
}

const DEFAULT_OVERLAP_SECONDS = 86_400;

/** Creates the registry's write operations over `prisma`. */
export function createRegistryAdmin(prisma: RegistryClient, options: RegistryAdminOptions): RegistryAdmin {
  if (typeof options.pepper !== 'string' || options.pepper.length < 16) {
    throw GW_ERRORS.GW_CONFIG_INVALID.err('The registry pepper must be a secret of at least 16 characters.');
  }
  const { pepper } = options;
  const now = options.now ?? (() => new Date());

  async function newCredential(applicationId: string, expiresAt: Date | undefined, client: Pick<RegistryClient, 'credential'> = prisma) {
    const secret = generateApiKey();
    const created = await client.credential
      .create({
        data: { applicationId, kind: 'api-key', prefix: secret.slice(0, KEY_PREFIX_LENGTH), hash: hashSecret(pepper, secret), expiresAt: expiresAt ?? null },
      })
      .catch((error: unknown) => mapPrismaError(error, 'application of the key'));
    return { secret, record: credentialView(created) };
  }

  async function liveCredential(credentialId: string, client: Pick<RegistryClient, 'credential'> = prisma): Promise<Credential> {
    const credential = await client.credential.findUnique({ where: { id: credentialId } });
    if (!credential) throw GW_ERRORS.GW_REGISTRY_NOT_FOUND.err(`No credential ${credentialId}.`);
    if (credential.revokedAt) throw GW_ERRORS.GW_REGISTRY_CONFLICT.err(`Credential ${credentialId} is revoked.`);
    return credential;
  }

  return {
    async createDepartment(input) {
      const data = parseDepartmentInput(input);
      return prisma.department.create({ data }).catch((error: unknown) => mapPrismaError(error, 'department'));
    },
    async createApplication(input) {
      const data = parseApplicationInput(input);
      return prisma.application.create({ data }).catch((error: unknown) => mapPrismaError(error, 'department of the application'));
    },
    async setApplicationStatus(applicationId, status) {
      if (status !== 'active' && status !== 'suspended') {
        throw GW_ERRORS.GW_REGISTRY_INVALID_INPUT.err(`Invalid application status ${JSON.stringify(status)}: must be active or suspended.`);
      }
      return prisma.application
        .update({ where: { id: applicationId }, data: { status } })
        .catch((error: unknown) => mapPrismaError(error, `application ${applicationId}`));
    },
    async createSubgraph(input) {
      const data = parseSubgraphInput(input);
      return prisma.subgraph.create({ data }).catch((error: unknown) => mapPrismaError(error, 'subgraph'));
    },
    async issueApiKey(applicationId, issueOptions = {}) {
      return newCredential(applicationId, issueOptions.expiresAt);
    },
    async rotateApiKey(credentialId, rotateOptions = {}) {
      const overlapSeconds = rotateOptions.overlapSeconds ?? DEFAULT_OVERLAP_SECONDS;
      if (!Number.isInteger(overlapSeconds) || overlapSeconds < 0) {
        throw GW_ERRORS.GW_REGISTRY_INVALID_INPUT.err(`Invalid overlapSeconds ${String(overlapSeconds)}: must be an integer >= 0.`);
      }
      return prisma.$transaction(async (tx) => {
        const old = await liveCredential(credentialId, tx);
        if (old.replacedById) throw GW_ERRORS.GW_REGISTRY_CONFLICT.err(`Credential ${credentialId} was already rotated.`);
        const at = now();
        if ((old.expiresAt && old.expiresAt <= at) || (old.overlapUntil && old.overlapUntil <= at)) {
          throw GW_ERRORS.GW_REGISTRY_CONFLICT.err(`Credential ${credentialId} has expired; issue a new key instead.`);
        }
        const issued = await newCredential(old.applicationId, rotateOptions.expiresAt, tx);
        await tx.credential.update({
          where: { id: old.id },
          data: { replacedById: issued.record.id, overlapUntil: new Date(at.getTime() + overlapSeconds * 1000) },
        });
        return issued;
      });
    },
    async revokeCredential(credentialId) {
      await liveCredential(credentialId);
      const updated = await prisma.credential.update({ where: { id: credentialId }, data: { revokedAt: now() } });
      return credentialView(updated);
    },
    async expireCredential(credentialId, at) {
      await liveCredential(credentialId);
      const updated = await prisma.credential.update({ where: { id: credentialId }, data: { expiresAt: at ?? now() } });
      return credentialView(updated);
    },
    async listCredentials(applicationId) {
      const rows = await prisma.credential.findMany({ where: { applicationId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
      return rows.map(credentialView);
    },
    async addGrant(input) {
      const data = parseGrantInput(input);
      const created = await prisma.grant
        .create({
          data: {
            ...data,
            targets: JSON.stringify(data.targets),
            unmask: JSON.stringify(data.unmask),
            expiresAt: data.expiresAt ?? null,
          },
        })
        .catch((error: unknown) => mapPrismaError(error, 'application of the grant'));
      return grantView(created);
    },
    async revokeGrant(grantId) {
      const grant = await prisma.grant.findUnique({ where: { id: grantId } });
      if (!grant) throw GW_ERRORS.GW_REGISTRY_NOT_FOUND.err(`No grant ${grantId}.`);
      if (grant.revokedAt) throw GW_ERRORS.GW_REGISTRY_CONFLICT.err(`Grant ${grantId} is already revoked.`);
      return grantView(await prisma.grant.update({ where: { id: grantId }, data: { revokedAt: now() } }));
    },
    async listGrants(applicationId) {
      const rows = await prisma.grant.findMany({ where: { applicationId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
      return rows.map(grantView);
    },
    async createAdminToken(input) {
      const data = parseAdminTokenInput(input);
      const secret = generateAdminToken();
      const created = await prisma.adminToken
        .create({ data: { ...data, departmentId: data.departmentId ?? null, hash: hashSecret(pepper, secret) } })
        .catch((error: unknown) => mapPrismaError(error, 'department of the admin token'));
      return { secret, record: adminTokenView(created) };
    },
    async revokeAdminToken(adminTokenId) {
      const token = await prisma.adminToken.findUnique({ where: { id: adminTokenId } });
      if (!token) throw GW_ERRORS.GW_REGISTRY_NOT_FOUND.err(`No admin token ${adminTokenId}.`);
      if (token.revokedAt) throw GW_ERRORS.GW_REGISTRY_CONFLICT.err(`Admin token ${adminTokenId} is already revoked.`);
      return adminTokenView(await prisma.adminToken.update({ where: { id: adminTokenId }, data: { revokedAt: now() } }));
    },
    async verifyAdminToken(token) {
      const hash = hashSecret(pepper, token);
      const found = await prisma.adminToken.findUnique({ where: { hash } });
      if (!found || found.revokedAt || !secretMatches(pepper, token, found.hash)) return undefined;
      return adminTokenView(found);
    },
  };
}

function credentialView({ hash: _hash, updatedAt: _updatedAt, ...view }: Credential): CredentialView {
  return view;
}

function grantView(grant: Grant): GrantView {
  return {
    ...grant,
    targets: JSON.parse(grant.targets) as string[],
    maxGrade: grant.maxGrade as DataGrade,
    unmask: JSON.parse(grant.unmask) as MaskRule[],
  };
}

function adminTokenView({ hash: _hash, ...view }: AdminToken): AdminTokenView {
  return { ...view, role: view.role as AdminRole };
}
