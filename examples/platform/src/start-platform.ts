/**
 * Starts the whole platform in one process on embedded defaults: the five
 * simulated legacy systems, the five domain subgraphs built on the SDK, and
 * the gateway composing them. `npm start` runs it with the README's ports;
 * the integration tests run it on ephemeral ports. `startPlatformServices`
 * starts the subgraphs and the gateway alone, against legacy systems that run
 * elsewhere (a department's machine, or another process of a benchmark).
 */
import { createGateway, type ListeningGateway } from '@govgraph/gateway';
import { generateDataset, startLegacySystems, type LegacySystems, type UsernameTokenCredentials } from '@govgraph/legacy';
import { CreditCodeScalar, createSilentLogger, ResidentIdScalar, type RunningSubgraph, type Subgraph } from '@govgraph/sdk';
import { createCasesSubgraph, parseCasesSubgraphConfig } from '@govgraph/subgraph-cases';
import { createLicencesSubgraph, parseLicencesSubgraphConfig, type LicencesSubgraph } from '@govgraph/subgraph-licences';
import { createServicesSubgraph, parseServicesSubgraphConfig } from '@govgraph/subgraph-services';
import { createSocialInsuranceSubgraph, parseSocialInsuranceSubgraphConfig } from '@govgraph/subgraph-social-insurance';
import { createUsersSubgraph, parseUsersSubgraphConfig } from '@govgraph/subgraph-users';
import type { PlatformOptions, PlatformPorts } from './platform-options';
import { startAccessControl, type PlatformAccess } from './start-access-control';

/** The names of the five domain subgraphs, in composition order. */
export const SUBGRAPH_NAMES = ['users', 'services', 'licences', 'cases', 'social-insurance'] as const;

/** One of {@link SUBGRAPH_NAMES}. */
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** The port option of each subgraph. */
const PORT_OF: Readonly<Record<SubgraphName, keyof PlatformPorts>> = {
  users: 'users',
  services: 'services',
  licences: 'licences',
  cases: 'cases',
  'social-insurance': 'socialInsurance',
};

/**
 * Where the subgraphs find the province's legacy systems: `startLegacySystems`
 * returns them, or they are the addresses of systems running elsewhere.
 */
export interface LegacyEndpoints {
  /** SOAP endpoint of the population registry. */
  readonly population: { readonly url: string };
  /** REST origin of the legal-person registry. */
  readonly legalPerson: { readonly url: string };
  /** REST origin of the case-handling system. */
  readonly cases: { readonly url: string };
  /** Directory of the catalog's GBK CSV exports. */
  readonly catalog: { readonly directory: string };
  /** Database URL of the licence library. */
  readonly licenceLibrary: { readonly url: string };
  /** SOAP 1.2 endpoint of the social-insurance system and the account it accepts. */
  readonly socialInsurance: { readonly url: string; readonly credentials: UsernameTokenCredentials };
}

/** The addresses of running legacy systems, as plain data another process can be given (JSON). */
export function legacyEndpointsOf(legacy: LegacySystems): LegacyEndpoints {
  return {
    population: { url: legacy.population.url },
    legalPerson: { url: legacy.legalPerson.url },
    cases: { url: legacy.cases.url },
    catalog: { directory: legacy.catalog.directory },
    licenceLibrary: { url: legacy.licenceLibrary.url },
    socialInsurance: { url: legacy.socialInsurance.url, credentials: legacy.socialInsurance.credentials },
  };
}

/** Options of {@link startPlatformServices}: those of the platform that are not about the legacy systems. */
export type PlatformServicesOptions = Omit<PlatformOptions, 'seed' | 'sizes' | 'licenceDbUrl'>;

/** The subgraphs and the gateway, running. */
export interface PlatformServices {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  readonly graphqlUrl: string;
  readonly gateway: ListeningGateway;
  readonly subgraphs: Readonly<Record<SubgraphName, RunningSubgraph>>;
  /** Access management: the mode, the demo keys and admin token, the admin API URL. */
  readonly access: Pick<PlatformAccess, 'mode' | 'secrets' | 'adminUrl'>;
  /** The licences subgraph's SQL source: `stats().queries` counts statements sent to the licence library. */
  readonly licenceDb: LicencesSubgraph['licenceDb'];
  /** Stops the gateway and the subgraphs, in that order. Idempotent. */
  close(): Promise<void>;
}

/** The running platform: the services and the legacy systems they use. */
export interface Platform extends PlatformServices {
  readonly legacy: LegacySystems;
  /** Stops the gateway, the subgraphs and the legacy systems, in that order. Idempotent. */
  close(): Promise<void>;
}

/** Starts everything; if any part fails to start, what did start is stopped and the error is thrown. */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const ports = options.ports ?? {};
  const legacy = await startLegacySystems({
    dataDirectory: options.dataDirectory,
    ...(options.sizes !== undefined
      ? { dataset: generateDataset({ ...(options.seed !== undefined ? { seed: options.seed } : {}), sizes: options.sizes }) }
      : options.seed !== undefined
        ? { seed: options.seed }
        : {}),
    ...(options.licenceDbUrl ? { licenceDbUrl: options.licenceDbUrl } : {}),
    ...(options.now ? { now: options.now } : {}),
    host: options.host ?? '127.0.0.1',
    ports: { population: ports.population ?? 0, legalPerson: ports.legalPerson ?? 0, cases: ports.caseHandling ?? 0, socialInsurance: ports.socialInsuranceSystem ?? 0 },
    logger: options.logger ?? createSilentLogger(),
  });
  let services: PlatformServices;
  try {
    services = await startPlatformServices(legacy, options);
  } catch (error) {
    await legacy.close().catch(() => undefined);
    throw error;
  }
  let closed: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    await services.close().catch(() => undefined);
    await legacy.close().catch(() => undefined);
  };
  return { ...services, legacy, close: () => (closed ??= close()) };
}

/**
 * Starts access control, the five subgraphs and the gateway against `legacy`;
 * if any part fails to start, what did start is stopped and the error is thrown.
 */
export async function startPlatformServices(legacy: LegacyEndpoints, options: PlatformServicesOptions): Promise<PlatformServices> {
  const host = options.host ?? '127.0.0.1';
  const ports = options.ports ?? {};
  const logger = options.logger ?? createSilentLogger();
  const stack: (() => Promise<void>)[] = [];
  const closeAll = async (): Promise<void> => {
    for (const close of stack.reverse()) await close().catch(() => undefined);
    stack.length = 0;
  };

  try {
    const access = await startAccessControl({
      mode: options.accessControl ?? 'enforce',
      dataDirectory: options.dataDirectory,
      ...(options.registryUrl ? { registryUrl: options.registryUrl } : {}),
      ...(options.registryPollMs ? { registryPollMs: options.registryPollMs } : {}),
      ...(options.contextKeys ? { contextKeys: options.contextKeys } : {}),
      subgraphNames: SUBGRAPH_NAMES,
      host,
      adminPort: ports.admin ?? 0,
      logger,
    });
    stack.push(() => access.close());
    // Every subgraph trusts only calls signed by this platform's gateway.
    const security = { mode: 'verify', publicKeyJwk: access.publicKeyJwk } as const;

    const licences = createLicencesSubgraph(parseLicencesSubgraphConfig({ licenceDbUrl: legacy.licenceLibrary.url, security }), {
      logger,
      ...(options.now ? { now: options.now } : {}),
    });
    const subgraphs: Record<SubgraphName, Subgraph> = {
      users: createUsersSubgraph(
        parseUsersSubgraphConfig({ populationUrl: legacy.population.url, legalPersonUrl: legacy.legalPerson.url, security }),
        { logger },
      ),
      services: createServicesSubgraph(parseServicesSubgraphConfig({ catalog: { directory: legacy.catalog.directory }, security }), { logger }),
      licences,
      cases: createCasesSubgraph(parseCasesSubgraphConfig({ casesUrl: legacy.cases.url, security }), { logger }),
      'social-insurance': createSocialInsuranceSubgraph(
        parseSocialInsuranceSubgraphConfig({ url: legacy.socialInsurance.url, ...legacy.socialInsurance.credentials, security }),
        { logger },
      ),
    };
    const running = {} as Record<SubgraphName, RunningSubgraph>;
    for (const name of SUBGRAPH_NAMES) {
      running[name] = await subgraphs[name].listen({ host, port: ports[PORT_OF[name]] ?? 0 });
      stack.push(() => running[name].close());
    }

    const gateway = await createGateway({
      supergraph: { kind: 'subgraphs', subgraphs: SUBGRAPH_NAMES.map((name) => ({ name, url: running[name].url })) },
      host,
      port: ports.gateway ?? 0,
      logLevel: options.gatewayLogLevel ?? 'warn',
    }, { scalars: { ResidentId: ResidentIdScalar, CreditCode: CreditCodeScalar }, accessControl: access.gatewayOption });
    stack.push(() => gateway.stop());
    const listening = await gateway.listen();

    let closed: Promise<void> | undefined;
    return {
      graphqlUrl: `${listening.url}/graphql`,
      gateway: listening,
      subgraphs: running,
      access: { mode: access.mode, ...(access.secrets ? { secrets: access.secrets } : {}), ...(access.adminUrl ? { adminUrl: access.adminUrl } : {}) },
      licenceDb: licences.licenceDb,
      close: () => (closed ??= closeAll()),
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
