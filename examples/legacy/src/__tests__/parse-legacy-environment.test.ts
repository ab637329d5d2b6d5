import { parseLegacyEnvironment } from '..';

describe('parseLegacyEnvironment', () => {
  it('defaults to fixed ports, loopback and .data/legacy under the cwd', () => {
    expect(parseLegacyEnvironment({}, '/srv/app')).toEqual({
      seed: undefined,
      dataDirectory: '/srv/app/.data/legacy',
      licenceDbUrl: undefined,
      licenceDbSchema: undefined,
      host: '127.0.0.1',
      ports: { population: 4101, legalPerson: 4102, cases: 4105, socialInsurance: 4106 },
    });
  });

  it('reads every variable', () => {
    expect(
      parseLegacyEnvironment(
        {
          LEGACY_SEED: '42',
          LEGACY_DATA_DIR: 'tmp/legacy',
          LICENCE_DB_URL: 'postgresql://postgres@127.0.0.1:5432/test',
          LICENCE_DB_SCHEMA: 'licences_demo',
          LEGACY_HOST: '0.0.0.0',
          LEGACY_POPULATION_PORT: '5101',
          LEGACY_LEGAL_PERSON_PORT: '5102',
          LEGACY_CASES_PORT: '5105',
          LEGACY_SOCIAL_INSURANCE_PORT: '5106',
        },
        '/srv/app',
      ),
    ).toEqual({
      seed: 42,
      dataDirectory: '/srv/app/tmp/legacy',
      licenceDbUrl: 'postgresql://postgres@127.0.0.1:5432/test',
      licenceDbSchema: 'licences_demo',
      host: '0.0.0.0',
      ports: { population: 5101, legalPerson: 5102, cases: 5105, socialInsurance: 5106 },
    });
  });

  it('reports every invalid variable at once', () => {
    expect(() => parseLegacyEnvironment({ LEGACY_SEED: '-1', LEGACY_CASES_PORT: '70000', LICENCE_DB_URL: 'mysql://x' }, '/')).toThrow(
      'invalid environment:\n' +
        '  LEGACY_SEED must be an integer from 0 to 4294967295, got "-1"\n' +
        '  LEGACY_CASES_PORT must be an integer from 0 to 65535, got "70000"\n' +
        '  LICENCE_DB_URL must be file:/absolute/path.db or postgresql://…, got "mysql://x"',
    );
  });
});
