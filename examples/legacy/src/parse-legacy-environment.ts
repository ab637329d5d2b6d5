/**
 * The settings of `main.ts`, read from an environment object (main passes
 * `process.env`; tests pass a literal), validated all at once so a bad start
 * names every wrong variable.
 */
import { resolve } from 'node:path';

/** Default ports of the HTTP systems when run standalone. */
export const DEFAULT_LEGACY_PORTS = Object.freeze({ population: 4101, legalPerson: 4102, cases: 4105, socialInsurance: 4106 });

/** What `main.ts` starts. */
export interface LegacyEnvironment {
  /** `LEGACY_SEED`; `undefined` = the generator's default. */
  readonly seed: number | undefined;
  /** `LEGACY_DATA_DIR`, absolute. @default `<cwd>/.data/legacy` */
  readonly dataDirectory: string;
  /** `LICENCE_DB_URL`. @default `file:<dataDirectory>/licence-library.db` */
  readonly licenceDbUrl: string | undefined;
  /** `LICENCE_DB_SCHEMA` (PostgreSQL only). @default 'licence_library' */
  readonly licenceDbSchema: string | undefined;
  /** `LEGACY_HOST`. @default '127.0.0.1' */
  readonly host: string;
  /**
   * `LEGACY_POPULATION_PORT`, `LEGACY_LEGAL_PERSON_PORT`, `LEGACY_CASES_PORT`, `LEGACY_SOCIAL_INSURANCE_PORT`.
   * 0 = ephemeral. @default 4101, 4102, 4105, 4106
   */
  readonly ports: { readonly population: number; readonly legalPerson: number; readonly cases: number; readonly socialInsurance: number };
}

/** Parses the environment; throws one `TypeError` listing every invalid variable. */
export function parseLegacyEnvironment(env: Readonly<Record<string, string | undefined>>, cwd: string): LegacyEnvironment {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const integer = (name: string, min: number, max: number): number | undefined => {
    const raw = value(name);
    if (raw === undefined) return undefined;
    const parsed = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(parsed >= min && parsed <= max)) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
      return undefined;
    }
    return parsed;
  };
  const seed = integer('LEGACY_SEED', 0, 2 ** 32 - 1);
  const ports = {
    population: integer('LEGACY_POPULATION_PORT', 0, 65535) ?? DEFAULT_LEGACY_PORTS.population,
    legalPerson: integer('LEGACY_LEGAL_PERSON_PORT', 0, 65535) ?? DEFAULT_LEGACY_PORTS.legalPerson,
    cases: integer('LEGACY_CASES_PORT', 0, 65535) ?? DEFAULT_LEGACY_PORTS.cases,
    socialInsurance: integer('LEGACY_SOCIAL_INSURANCE_PORT', 0, 65535) ?? DEFAULT_LEGACY_PORTS.socialInsurance,
  };
  const licenceDbUrl = value('LICENCE_DB_URL');
  if (licenceDbUrl !== undefined && !/^(file:\/|postgres(ql)?:\/\/)/i.test(licenceDbUrl)) {
    problems.push(`LICENCE_DB_URL must be file:/absolute/path.db or postgresql://…, got ${JSON.stringify(licenceDbUrl)}`);
  }
  if (problems.length > 0) throw new TypeError(`invalid environment:\n  ${problems.join('\n  ')}`);
  return {
    seed,
    dataDirectory: resolve(cwd, value('LEGACY_DATA_DIR') ?? '.data/legacy'),
    licenceDbUrl,
    licenceDbSchema: value('LICENCE_DB_SCHEMA'),
    host: value('LEGACY_HOST') ?? '127.0.0.1',
    ports,
  };
}
