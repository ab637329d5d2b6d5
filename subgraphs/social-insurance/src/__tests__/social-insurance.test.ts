import { Writable } from 'node:stream';
import { startSocialInsuranceSystem, type SocialInsuranceSystemHandle } from '@govgraph/legacy';
import { createLogger, createSilentLogger, type Subgraph } from '@govgraph/sdk';
import type { GraphQLEnumType, GraphQLObjectType } from 'graphql';
import { createSocialInsuranceSubgraph, parseSocialInsuranceSubgraphConfig } from '..';
import { INSURED_ID, NEVER_ID, NO_ACCOUNT_ID, SAMPLE_ACCOUNTS, TERMINATED_ID, TEST_CREDENTIALS, residentId } from './helpers/sample-accounts';

interface Answer {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

const ACCOUNT_FIELDS = 'status insuranceTypes firstContributionMonth lastContributionMonth contributionMonths payingUnit';
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { idNumber socialInsurance { ${ACCOUNT_FIELDS} } } } }`;
const CONTRIBUTIONS = `query ($representations: [_Any!]!, $from: String!, $to: String!) {
  _entities(representations: $representations) { ... on Person { socialInsurance { contributions(fromMonth: $from, toMonth: $to) { month insuranceType baseAmount personalAmount employerAmount payingUnit } } } }
}`;

let system: SocialInsuranceSystemHandle;
let subgraph: Subgraph;

function build(password: string, logger = createSilentLogger()): Subgraph {
  return createSocialInsuranceSubgraph(
    parseSocialInsuranceSubgraphConfig({ url: system.url, username: TEST_CREDENTIALS.username, password, timeoutMs: 2000, security: { mode: 'development' } }),
    { logger },
  );
}

async function query(target: Subgraph, text: string, variables?: Record<string, unknown>): Promise<Answer> {
  const response = await target.fetch('http://social-insurance.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text, variables }),
  });
  return (await response.json()) as Answer;
}

const persons = (...idNumbers: string[]) => ({ representations: idNumbers.map((idNumber) => ({ __typename: 'Person', idNumber })) });

beforeAll(async () => {
  system = await startSocialInsuranceSystem({ data: { records: SAMPLE_ACCOUNTS }, credentials: TEST_CREDENTIALS });
  subgraph = build(TEST_CREDENTIALS.password);
  await subgraph.start();
});

afterEach(() => {
  system.faults.reset();
  system.calls.reset();
});

afterAll(async () => {
  await subgraph?.stop();
  await system?.close();
});

describe('the social-insurance subgraph', () => {
  it('extends Person by idNumber (a ResidentId) and owns no root query of its own', async () => {
    const { data } = await query(subgraph, '{ _service { sdl } }');
    expect(data._service.sdl).toMatch(/type Person\s+@key\(fields: "idNumber"\)/);
    const schema = subgraph.schema;
    const person = schema.getType('Person') as GraphQLObjectType;
    expect(Object.keys(person.getFields())).toEqual(['idNumber', 'socialInsurance']);
    expect(String(person.getFields()['idNumber']?.type)).toBe('ResidentId!');
    expect(String(person.getFields()['socialInsurance']?.type)).toBe('SocialInsurance');
    const account = (schema.getType('SocialInsurance') as GraphQLObjectType).getFields();
    expect(Object.fromEntries(Object.entries(account).map(([name, field]) => [name, String(field.type)]))).toEqual({
      status: 'InsuredStatus!',
      insuranceTypes: '[InsuranceType!]!',
      firstContributionMonth: 'String',
      lastContributionMonth: 'String',
      contributionMonths: 'Int!',
      payingUnit: 'String',
      contributions: '[Contribution!]!',
    });
    expect(account['contributions']?.args.map((arg) => `${arg.name}: ${String(arg.type)}`)).toEqual(['fromMonth: String!', 'toMonth: String!']);
    expect((schema.getType('InsuredStatus') as GraphQLEnumType).getValues().map((value) => value.name)).toEqual(['INSURED', 'SUSPENDED', 'TERMINATED', 'NEVER']);
    expect((schema.getType('InsuranceType') as GraphQLEnumType).getValues().map((value) => value.name)).toEqual(['PENSION', 'MEDICAL', 'UNEMPLOYMENT', 'WORK_INJURY', 'MATERNITY']);
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {}).sort()).toEqual(['_entities', '_service']);
  });

  it("answers each person's account exactly, null for a person without one, in representation order", async () => {
    const { data, errors } = await query(subgraph, ENTITIES, persons(INSURED_ID, NO_ACCOUNT_ID, NEVER_ID, TERMINATED_ID));
    expect(errors).toBeUndefined();
    expect(data._entities).toEqual([
      {
        idNumber: INSURED_ID,
        socialInsurance: {
          status: 'INSURED',
          insuranceTypes: ['PENSION', 'MEDICAL'],
          firstContributionMonth: '2012-07',
          lastContributionMonth: '2026-06',
          contributionMonths: 150,
          payingUnit: '南京示例科技有限公司',
        },
      },
      { idNumber: NO_ACCOUNT_ID, socialInsurance: null },
      {
        idNumber: NEVER_ID,
        socialInsurance: { status: 'NEVER', insuranceTypes: [], firstContributionMonth: null, lastContributionMonth: null, contributionMonths: 0, payingUnit: null },
      },
      {
        idNumber: TERMINATED_ID,
        socialInsurance: {
          status: 'TERMINATED',
          insuranceTypes: ['PENSION', 'MEDICAL', 'UNEMPLOYMENT', 'WORK_INJURY', 'MATERNITY'],
          firstContributionMonth: '1985-01',
          lastContributionMonth: '2018-02',
          contributionMonths: 398,
          payingUnit: '灵活就业',
        },
      },
    ]);
    expect(system.calls.count('GetInsuranceStatusByIdNumbers')).toBe(1);
  });

  it('answers contributions in yuan, converted exactly from fen, by month then insurance type', async () => {
    const { data, errors } = await query(subgraph, CONTRIBUTIONS, { ...persons(INSURED_ID), from: '2026-05', to: '2026-07' });
    expect(errors).toBeUndefined();
    expect(data._entities[0].socialInsurance.contributions).toEqual([
      { month: '2026-05', insuranceType: 'PENSION', baseAmount: '8000.00', personalAmount: '640.00', employerAmount: '1280.00', payingUnit: '南京示例科技有限公司' },
      { month: '2026-05', insuranceType: 'MEDICAL', baseAmount: '8000.00', personalAmount: '160.00', employerAmount: '640.05', payingUnit: '南京示例科技有限公司' },
      { month: '2026-06', insuranceType: 'PENSION', baseAmount: '12345.67', personalAmount: '987.65', employerAmount: '0.05', payingUnit: '南京示例科技有限公司' },
      { month: '2026-06', insuranceType: 'MEDICAL', baseAmount: '12345.67', personalAmount: '246.91', employerAmount: '0.00', payingUnit: '南京示例科技有限公司' },
    ]);
    expect(system.calls.count('GetContributionHistory')).toBe(1);
  });

  it('answers no contributions for a range the system holds none of', async () => {
    const { data, errors } = await query(subgraph, CONTRIBUTIONS, { ...persons(TERMINATED_ID), from: '2017-01', to: '2018-12' });
    expect(errors).toBeUndefined();
    expect(data._entities[0].socialInsurance.contributions).toEqual([]);
  });

  it('batches Person.socialInsurance: 100 persons cost 2 calls of at most 50 ids', async () => {
    const many = Array.from({ length: 97 }, (_, index) => residentId(`3201021990010${String(index).padStart(4, '0')}`));
    const { data, errors } = await query(subgraph, ENTITIES, persons(INSURED_ID, ...many.slice(0, 48), NEVER_ID, ...many.slice(48), TERMINATED_ID));
    expect(errors).toBeUndefined();
    expect(data._entities).toHaveLength(100);
    expect(data._entities.filter((person: { socialInsurance: unknown }) => person.socialInsurance !== null).map((person: { idNumber: string }) => person.idNumber)).toEqual([
      INSURED_ID,
      NEVER_ID,
      TERMINATED_ID,
    ]);
    // The system refuses more than 50 ids (TOO_MANY_KEYS): no error means every call carried at most 50.
    expect(system.calls.count('GetInsuranceStatusByIdNumbers')).toBe(2);
  });

  it.each([
    ['a month that is not YYYY-MM', '2026-13', '2026-12', 'fromMonth: must be a month YYYY-MM, got "2026-13"'],
    ['fromMonth after toMonth', '2026-06', '2026-05', 'fromMonth: must not be after toMonth (2026-06 > 2026-05)'],
    ['more than 36 months', '2023-06', '2026-06', 'toMonth: a range covers at most 36 months, 2023-06 … 2026-06 is 37'],
  ])('refuses %s with BAD_USER_INPUT before calling the system', async (_, from, to, message) => {
    const { data, errors } = await query(subgraph, CONTRIBUTIONS, { ...persons(INSURED_ID), from, to });
    expect(errors).toEqual([expect.objectContaining({ message, path: ['_entities', 0, 'socialInsurance', 'contributions'], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    expect(data._entities[0].socialInsurance).toBeNull();
    expect(system.calls.count('GetContributionHistory')).toBe(0);
  });

  it('accepts exactly 36 months', async () => {
    const { errors } = await query(subgraph, CONTRIBUTIONS, { ...persons(INSURED_ID), from: '2023-07', to: '2026-06' });
    expect(errors).toBeUndefined();
  });

  it('gives a partial response when the system is down: the person stays, socialInsurance is null with CONN_UPSTREAM_UNAVAILABLE', async () => {
    system.faults.setFailure('error');
    const { data, errors } = await query(subgraph, ENTITIES, persons(INSURED_ID, NEVER_ID));
    expect(data._entities).toEqual([
      { idNumber: INSURED_ID, socialInsurance: null },
      { idNumber: NEVER_ID, socialInsurance: null },
    ]);
    expect(errors).toHaveLength(2);
    for (const [index, error] of (errors ?? []).entries()) {
      expect(error).toMatchObject({ path: ['_entities', index, 'socialInsurance'], extensions: { code: 'CONN_UPSTREAM_UNAVAILABLE' } });
    }
    // Both reads are idempotent: the one batch was tried 3 times (the manifest's default attempts).
    expect(system.calls.count('GetInsuranceStatusByIdNumbers')).toBe(3);
  });

  it('turns refused credentials into CONN_UPSTREAM_UNAVAILABLE without the password in the answer or the logs', async () => {
    const wrongPassword = 'Wrong-Pa55-never-shown-7d1e';
    const lines: string[] = [];
    const wrong = build(wrongPassword, createLogger({ level: 'debug', destination: new Writable({ write: (chunk: Buffer, _encoding, done) => { lines.push(String(chunk)); done(); } }) }));
    await wrong.start();
    try {
      const response = await wrong.fetch('http://social-insurance.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: ENTITIES, variables: persons(INSURED_ID) }),
      });
      const text = await response.text();
      const answer = JSON.parse(text) as Answer;
      expect(answer.data._entities).toEqual([{ idNumber: INSURED_ID, socialInsurance: null }]);
      expect(answer.errors).toEqual([expect.objectContaining({ path: ['_entities', 0, 'socialInsurance'], extensions: expect.objectContaining({ code: 'CONN_UPSTREAM_UNAVAILABLE' }) })]);
      expect(lines.join('\n')).toContain('wsse:FailedAuthentication');
      for (const output of [text, lines.join('\n')]) {
        expect(output).not.toContain(wrongPassword);
        expect(output).not.toContain(TEST_CREDENTIALS.password);
      }
      expect(text).not.toContain(system.url);
    } finally {
      await wrong.stop();
    }
  });
});
