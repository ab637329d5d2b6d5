/**
 * Runs the six simulated legacy systems standalone on fixed ports, so the
 * subgraphs can be started against them by hand. The only file that reads
 * `process.env`:
 *
 * | variable | default |
 * |---|---|
 * | `LEGACY_SEED` | the generator's default seed |
 * | `LEGACY_DATA_DIR` | `.data/legacy` under the cwd |
 * | `LICENCE_DB_URL` | `file:<LEGACY_DATA_DIR>/licence-library.db` |
 * | `LICENCE_DB_SCHEMA` | `licence_library` (PostgreSQL only) |
 * | `LEGACY_HOST` | `127.0.0.1` |
 * | `LEGACY_POPULATION_PORT`, `LEGACY_LEGAL_PERSON_PORT`, `LEGACY_CASES_PORT`, `LEGACY_SOCIAL_INSURANCE_PORT` | 4101, 4102, 4105, 4106 |
 *
 * Stops cleanly on SIGINT / SIGTERM (a second signal exits at once).
 */
import { createLogger } from '@govgraph/sdk';
import { parseLegacyEnvironment } from './parse-legacy-environment';
import { startLegacySystems } from './start-legacy-systems';

async function main(): Promise<void> {
  const environment = parseLegacyEnvironment(process.env, process.cwd());
  const logger = createLogger({ base: { service: 'legacy-systems' } });
  const systems = await startLegacySystems({
    ...(environment.seed !== undefined ? { seed: environment.seed } : {}),
    dataDirectory: environment.dataDirectory,
    ...(environment.licenceDbUrl !== undefined ? { licenceDbUrl: environment.licenceDbUrl } : {}),
    ...(environment.licenceDbSchema !== undefined ? { licenceDbSchema: environment.licenceDbSchema } : {}),
    host: environment.host,
    ports: environment.ports,
    logger,
  });
  const { dataset } = systems;
  process.stdout.write(
    [
      `legacy systems of seed ${dataset.seed} (${dataset.persons.length} persons, ${dataset.enterprises.length} enterprises, ${dataset.services.length} services, ${dataset.licences.length} licences, ${dataset.cases.length} cases)`,
      `  population registry (SOAP)    ${systems.population.url}   WSDL: ${systems.population.url}?wsdl`,
      `  legal-person registry (REST)  ${systems.legalPerson.url}/api/v1/enterprises`,
      `  service catalog (CSV, GBK)    ${systems.catalog.directory}   current: ${systems.catalog.current().fileName}`,
      `  licence library (SQL)         ${systems.licenceLibrary.url}${systems.licenceLibrary.schema ? ` schema ${systems.licenceLibrary.schema}` : ''}`,
      `  case-handling system (REST)   ${systems.cases.url}/api/v1/cases`,
      `  social insurance (SOAP 1.2)   ${systems.socialInsurance.url}   WSDL: ${systems.socialInsurance.url}?wsdl   WS-Security user: ${systems.socialInsurance.credentials.username}`,
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'stopping legacy systems');
    systems.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'legacy systems did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
