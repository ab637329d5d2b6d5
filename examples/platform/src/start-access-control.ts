/**
 * Access management for the one-command platform: the registry (a SQLite
 * file beside the demo data, or PostgreSQL), the demo department with two
 * applications and their keys, the first platform-admin token, the admin API,
 * and the key pair of the gateway's context token that every subgraph
 * verifies. The demo secrets are made once, kept in a file only the owner can
 * read, and shown again at each start: this is a local demonstration, and a
 * production registry never shows a key twice.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createAdminServer,
  createPrismaAuditSink,
  createPrismaRegistryReader,
  createPrismaUsageCounterStore,
  createRegistryAdmin,
  ensureBootstrapAdminToken,
  generateAdminToken,
  generateApiKey,
  openRegistry,
  seedDemo,
  type AccessControlOptions,
} from '@govgraph/gateway';
import { generateContextKeyPair, type Logger } from '@govgraph/sdk';

/** The secrets of the local demo, kept in `<dataDirectory>/demo-secrets.json`. */
export interface DemoSecrets {
  /** Pepper of the key hashes: without it no stored key can be checked. */
  readonly pepper: string;
  /** Key of the demo application granted L3 with every mask on. */
  readonly standardApiKey: string;
  /** Key of the demo application granted L4 with every mask cleared. */
  readonly sensitiveApiKey: string;
  /** The first platform-admin token of the admin API. */
  readonly adminToken: string;
}

/** Options of {@link startAccessControl}. */
export interface StartAccessControlOptions {
  readonly mode: 'enforce' | 'open';
  readonly dataDirectory: string;
  /** @default `file:<dataDirectory>/registry.db` */
  readonly registryUrl?: string;
  readonly subgraphNames: readonly string[];
  readonly host: string;
  /** Port of the admin API; 0 = ephemeral. */
  readonly adminPort: number;
  /** How often the gateway polls the registry. @default 2000 */
  readonly registryPollMs?: number;
  /** The Ed25519 key pair of the context token. @default a new pair */
  readonly contextKeys?: { readonly privateKeyJwk: JsonWebKey; readonly publicKeyJwk: JsonWebKey };
  readonly logger: Logger;
}

/** Access management, started. */
export interface PlatformAccess {
  readonly mode: 'enforce' | 'open';
  /** What `createGateway(config, { accessControl })` takes. */
  readonly gatewayOption: AccessControlOptions;
  /** The public key subgraphs verify the context token with. */
  readonly publicKeyJwk: JsonWebKey;
  /** The demo keys and admin token (enforce mode). */
  readonly secrets?: DemoSecrets;
  /** The admin API endpoint (enforce mode). */
  readonly adminUrl?: string;
  close(): Promise<void>;
}

/** Opens the registry, seeds the demo once and starts the admin API; in open mode only makes the key pair. */
export async function startAccessControl(options: StartAccessControlOptions): Promise<PlatformAccess> {
  const { privateKeyJwk, publicKeyJwk } = options.contextKeys ?? generateContextKeyPair();
  const contextToken = { privateKeyJwk, publicKeyJwk } as NonNullable<Extract<AccessControlOptions, { mode: 'open' }>['contextToken']>;
  if (options.mode === 'open') {
    return { mode: 'open', gatewayOption: { mode: 'open', contextToken }, publicKeyJwk, close: async () => undefined };
  }

  const registry = await openRegistry({ url: options.registryUrl ?? `file:${join(options.dataDirectory, 'registry.db')}` });
  try {
    const secrets = readOrCreateSecrets(join(options.dataDirectory, 'demo-secrets.json'));
    const admin = createRegistryAdmin(registry.prisma, { pepper: secrets.pepper });
    await seedDemo(registry, {
      pepper: secrets.pepper,
      subgraphs: options.subgraphNames,
      keys: { standard: secrets.standardApiKey, sensitive: secrets.sensitiveApiKey },
    });
    await ensureBootstrapAdminToken(admin, { registry, pepper: secrets.pepper, token: secrets.adminToken });
    const adminServer = await createAdminServer({ registry, admin, logger: options.logger }).listen({
      port: options.adminPort,
      host: options.host,
    });
    return {
      mode: 'enforce',
      gatewayOption: {
        mode: 'enforce',
        registry: createPrismaRegistryReader(registry.prisma),
        auditSink: createPrismaAuditSink(registry.prisma),
        usage: createPrismaUsageCounterStore(registry.prisma),
        pepper: secrets.pepper,
        contextToken,
        ...(options.registryPollMs ? { registryPollMs: options.registryPollMs } : {}),
      },
      publicKeyJwk,
      secrets,
      adminUrl: adminServer.url,
      close: async () => {
        await adminServer.close();
        await registry.close();
      },
    };
  } catch (error) {
    await registry.close();
    throw error;
  }
}

function readOrCreateSecrets(file: string): DemoSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DemoSecrets;
  const secrets: DemoSecrets = {
    pepper: randomBytes(32).toString('base64url'),
    standardApiKey: generateApiKey(),
    sensitiveApiKey: generateApiKey(),
    adminToken: generateAdminToken(),
  };
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}
