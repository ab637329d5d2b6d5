/**
 * Options of the whole platform on one machine: the five simulated legacy
 * systems, the five domain subgraphs and the gateway. Every port defaults to
 * 0 (ephemeral) for tests; `main.ts` passes the fixed ports of the README.
 */
import type { DatasetSizes } from '@govgraph/legacy';
import type { Logger } from '@govgraph/sdk';

/** Ports of every server the platform starts. 0 = ephemeral. */
export interface PlatformPorts {
  readonly gateway: number;
  readonly users: number;
  readonly services: number;
  readonly licences: number;
  readonly cases: number;
  readonly socialInsurance: number;
  readonly population: number;
  readonly legalPerson: number;
  readonly caseHandling: number;
  readonly socialInsuranceSystem: number;
  /** The admin API. */
  readonly admin: number;
}

/** The ports `npm start` uses. */
export const DEFAULT_PLATFORM_PORTS: PlatformPorts = Object.freeze({
  gateway: 4000,
  users: 4001,
  services: 4002,
  licences: 4003,
  cases: 4004,
  socialInsurance: 4005,
  population: 4101,
  legalPerson: 4102,
  caseHandling: 4105,
  socialInsuranceSystem: 4106,
  admin: 4010,
});

/** Options of `startPlatform`. */
export interface PlatformOptions {
  /** Where the catalog exports and the SQLite licence library live. */
  readonly dataDirectory: string;
  /** Seed of the simulated province. @default the generator's default seed */
  readonly seed?: number;
  /** Sizes of the simulated province (smaller for fast tests). @default the generator's defaults */
  readonly sizes?: Partial<DatasetSizes>;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** @default every port ephemeral */
  readonly ports?: Partial<PlatformPorts>;
  /** The licence library; `postgresql://…` for PostgreSQL. @default a SQLite file in `dataDirectory` */
  readonly licenceDbUrl?: string;
  /** Clock of the case system and of licence verification (tests pin it). @default the real clock */
  readonly now?: () => Date;
  /** Logger of the legacy systems and subgraphs. @default silent */
  readonly logger?: Logger;
  /** Log level of the gateway. @default 'warn' */
  /**
   * `enforce`: the registry, the demo applications and keys, the admin API and
   * the whole policy chain; `open`: no access control (logged loudly).
   * @default 'enforce'
   */
  readonly accessControl?: 'enforce' | 'open';
  /** The registry; `postgresql://…` for PostgreSQL. @default a SQLite file in `dataDirectory` */
  readonly registryUrl?: string;
  /** How often the gateway polls the registry for changes. @default 2000 */
  readonly registryPollMs?: number;
  /** The Ed25519 key pair the gateway signs context tokens with (benchmarks sign their own calls). @default a new pair */
  readonly contextKeys?: { readonly privateKeyJwk: JsonWebKey; readonly publicKeyJwk: JsonWebKey };
  readonly gatewayLogLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}
