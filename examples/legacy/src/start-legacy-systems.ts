/**
 * Starts all six simulated legacy systems of the province from one dataset:
 * the four HTTP servers (ephemeral ports by default, so tests can run many
 * at once), the catalog export directory and the licence database. The
 * platform example and the cross-package tests use this; `main.ts` wraps it
 * with fixed ports.
 */
import { join, resolve } from 'node:path';
import type { Logger } from '@govgraph/sdk';
import { startCaseHandlingSystem } from './case-handling';
import { startCatalogExporter, type CatalogExporterHandle } from './catalog';
import { generateDataset, generateSocialInsurance } from './data';
import type { Dataset } from './data/types';
import type { SimulatorHandle } from './harness';
import { startLegalPersonRegistry } from './legal-person';
import { createLicenceLibrary, type LicenceLibraryHandle } from './licence-library';
import { startPopulationRegistry } from './population';
import { startSocialInsuranceSystem, type SocialInsuranceSystemHandle } from './social-insurance';
import type { UsernameTokenCredentials } from './social-insurance';

/** Options of {@link startLegacySystems}. */
export interface StartLegacySystemsOptions {
  /** The province to serve. @default generateDataset({ seed }) */
  readonly dataset?: Dataset;
  /** Seed of the generated dataset; not allowed together with `dataset`. @default the generator's default seed */
  readonly seed?: number;
  /** Where files go: `<dataDirectory>/catalog/` (exports) and `<dataDirectory>/licence-library.db` (SQLite). Resolved against the cwd. */
  readonly dataDirectory: string;
  /** The licence library. @default `file:<dataDirectory>/licence-library.db` */
  readonly licenceDbUrl?: string;
  /** PostgreSQL schema of the licence library. @default 'licence_library' */
  readonly licenceDbSchema?: string;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** Fixed ports; 0 or absent = ephemeral. */
  readonly ports?: Partial<{ readonly population: number; readonly legalPerson: number; readonly cases: number; readonly socialInsurance: number }>;
  /** The account the social-insurance system accepts. @default DEFAULT_SOCIAL_INSURANCE_CREDENTIALS */
  readonly socialInsuranceCredentials?: UsernameTokenCredentials;
  /**
   * Clock of the case-handling system and the catalog exporter (not of the social-insurance system,
   * whose WS-Security check needs the real time clients stamp their tokens with). @default () => new Date()
   */
  readonly now?: () => Date;
  /** Passed to every system (per-request lines at debug, seeding and exports at info). @default nothing is logged */
  readonly logger?: Logger;
}

/** The running province. */
export interface LegacySystems {
  readonly dataset: Dataset;
  /** SOAP endpoint; WSDL at `${population.url}?wsdl`. */
  readonly population: SimulatorHandle;
  /** REST origin; endpoints under `/api/v1/enterprises`. */
  readonly legalPerson: SimulatorHandle;
  /** Export directory of `catalog-*.csv` files (GBK). */
  readonly catalog: CatalogExporterHandle;
  /** Database URL (and schema, for PostgreSQL). */
  readonly licenceLibrary: LicenceLibraryHandle;
  /** REST origin; endpoints under `/api/v1/cases`. */
  readonly cases: SimulatorHandle;
  /** SOAP 1.2 endpoint with WS-Security; WSDL at `${socialInsurance.url}?wsdl`; `credentials` is the account it accepts. */
  readonly socialInsurance: SocialInsuranceSystemHandle;
  /** Stops everything (servers, exporter, database connection). Idempotent. */
  close(): Promise<void>;
}

/** Starts the six systems; if one fails to start, the others are stopped again and the error is thrown. */
export async function startLegacySystems(options: StartLegacySystemsOptions): Promise<LegacySystems> {
  if (options.dataset !== undefined && options.seed !== undefined) throw new TypeError('pass either dataset or seed, not both');
  const dataset = options.dataset ?? generateDataset(options.seed === undefined ? {} : { seed: options.seed });
  const dataDirectory = resolve(options.dataDirectory);
  const host = options.host ?? '127.0.0.1';
  const { logger, now } = options;
  const listen = (port: number | undefined): { host: string; port: number; logger?: Logger } => ({ host, port: port ?? 0, ...(logger ? { logger } : {}) });

  const started = await Promise.allSettled([
    startPopulationRegistry({ ...listen(options.ports?.population), dataset }),
    startLegalPersonRegistry({ ...listen(options.ports?.legalPerson), dataset }),
    startCatalogExporter({ directory: join(dataDirectory, 'catalog'), dataset, ...(now ? { now } : {}), ...(logger ? { logger } : {}) }),
    createLicenceLibrary({
      url: options.licenceDbUrl ?? `file:${join(dataDirectory, 'licence-library.db')}`,
      dataset,
      ...(options.licenceDbSchema !== undefined ? { schema: options.licenceDbSchema } : {}),
      ...(logger ? { logger } : {}),
    }),
    startCaseHandlingSystem({ ...listen(options.ports?.cases), dataset, ...(now ? { now } : {}) }),
    startSocialInsuranceSystem({
      ...listen(options.ports?.socialInsurance),
      data: generateSocialInsurance(dataset),
      ...(options.socialInsuranceCredentials ? { credentials: options.socialInsuranceCredentials } : {}),
    }),
  ] as const);
  const closers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failures = started.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  const closeAll = async (): Promise<void> => {
    const results = await Promise.allSettled(closers.map((system) => system.close()));
    const errors = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    if (errors.length > 0) throw new AggregateError(errors, 'some legacy systems failed to stop');
  };
  if (failures.length > 0) {
    await closeAll().catch(() => undefined);
    throw failures.length === 1 ? failures[0] : new AggregateError(failures, 'some legacy systems failed to start');
  }
  const [population, legalPerson, catalog, licenceLibrary, cases, socialInsurance] = started.map((result) => (result as PromiseFulfilledResult<unknown>).value) as [
    SimulatorHandle,
    SimulatorHandle,
    CatalogExporterHandle,
    LicenceLibraryHandle,
    SimulatorHandle,
    SocialInsuranceSystemHandle,
  ];
  let closed: Promise<void> | undefined;
  return { dataset, population, legalPerson, catalog, licenceLibrary, cases, socialInsurance, close: () => (closed ??= closeAll()) };
}
