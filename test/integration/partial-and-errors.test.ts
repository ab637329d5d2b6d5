/**
 * The gateway stays up when a legacy system does not: a partial response
 * with a clear error for the part that system serves and the rest intact.
 * Bad input anywhere gets a clear error with a stable code.
 */
import { startTestPlatform, type TestPlatform } from '../src';

describe('failures and bad input through the gateway', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(() => platform?.close());
  afterEach(() => platform.legacy.population.faults.reset());

  it('serves the rest of a case when the population registry is down', async () => {
    platform.legacy.population.faults.setFailure('error');
    const { status, body } = await platform.graphql(`{
      case(number: "SQ2025010100002") {
        number
        status
        service { name }
        applicant { ... on Person { name } }
      }
    }`);
    expect(status).toBe(200);
    expect(body.data).toEqual({
      case: { number: 'SQ2025010100002', status: 'COMPLETED', service: { name: '道路运输从业人员从业资格证核发' }, applicant: null },
    });
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.path).toEqual(['case', 'applicant']);
    expect(body.errors![0]!.extensions!.code).toBe('CONN_UPSTREAM_UNAVAILABLE');
    expect(JSON.stringify(body.errors)).not.toMatch(/127\.0\.0\.1|localhost|http:\/\//);
  });

  it('refuses an ID number with a wrong check character at the gateway, saying which character was expected', async () => {
    platform.legacy.population.calls.reset();
    const { status, body } = await platform.graphql('{ personByIdNumber(idNumber: "320311198004051911") { name } }');
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        {
          message: 'Invalid resident ID number "320311198004051911": check character should be \'0\', got \'1\'',
          locations: [{ line: 1, column: 30 }],
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    expect(platform.legacy.population.calls.total()).toBe(0);
  });

  it('refuses an invalid credit code given as a variable', async () => {
    platform.legacy.legalPerson.calls.reset();
    const { body } = await platform.graphql('query($c: CreditCode!) { enterprise(creditCode: $c) { name } }', { c: '91320706MARTAT1Q5Z' });
    expect(body.data ?? null).toBeNull();
    expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.message).toBe(
      'Variable "$c" got invalid value "91320706MARTAT1Q5Z"; Invalid unified social credit code "91320706MARTAT1Q5Z": character 18 must be a digit or a capital letter other than I, O, S, V and Z, got \'Z\'',
    );
    expect(platform.legacy.legalPerson.calls.total()).toBe(0);
  });

  it('refuses an oversized page with BAD_USER_INPUT and calls no legacy system', async () => {
    platform.legacy.cases.calls.reset();
    const { body } = await platform.graphql('{ cases(pageSize: 1000) { total } }');
    expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.message).toContain('pageSize must be between 1 and 100, got 1000');
    expect(platform.legacy.cases.calls.total()).toBe(0);
  });

  it('answers malformed GraphQL and unknown fields with 400 and a code', async () => {
    const malformed = await platform.graphql('{ cases(pageSize: 1 { total } }');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors![0]!.extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await platform.graphql('{ person(id: "P00000014") { salary } }');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(unknown.body.errors![0]!.message).toContain('Cannot query field "salary" on type "Person"');
  });

  it('passes the request id through to the answer', async () => {
    const { headers } = await platform.graphql('{ person(id: "P00000014") { name } }', undefined, { 'x-request-id': 'tour-req-1' });
    expect(headers.get('x-request-id')).toBe('tour-req-1');
  });
});
