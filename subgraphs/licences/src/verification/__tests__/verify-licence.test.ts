import { CHECK_INSTANT, LI, createTestLibrary, licenceFields, post, recordOf, startSubgraph, type TestLibrary } from '../../__tests__/fixtures/licence-fixtures';
import type { LicencesSubgraph } from '../..';
import { chinaDate } from '../china-date';

const VERIFY = `query($n: String!) { verifyLicence(number: $n) {
  number result reason checkedOn licence { number issuer issuedOn expiresOn status revokedReason holder { ... on Person { idNumber } } }
} }`;

describe('verifyLicence', () => {
  let library: TestLibrary;
  let subgraph: LicencesSubgraph;
  let now = CHECK_INSTANT;
  beforeAll(async () => {
    library = await createTestLibrary();
    subgraph = await startSubgraph(library.url, {}, () => now);
  });
  afterEach(() => {
    now = CHECK_INSTANT;
  });
  afterAll(async () => {
    await subgraph?.stop();
    await library?.remove();
  });

  const verify = async (number: string) => (await post(subgraph, VERIFY, { n: number })).data?.verifyLicence;
  const withHolder = (number: string, holder: object = {}) => ({ ...licenceFields(recordOf(number)), holder });

  it('answers VALID for a licence in force, naming its expiry date', async () => {
    expect(await verify('JS-LT0002-2010-000001')).toEqual({
      number: 'JS-LT0002-2010-000001',
      result: 'VALID',
      reason: '证照有效，有效期至 2030-02-28',
      checkedOn: '2026-07-15',
      licence: withHolder('JS-LT0002-2010-000001', { idNumber: recordOf('JS-LT0002-2010-000001').holderId }),
    });
  });

  it('answers VALID for a licence without expiry', async () => {
    expect(await verify('JS-LT0004-2016-000003')).toMatchObject({ result: 'VALID', reason: '证照有效，长期有效', checkedOn: '2026-07-15' });
  });

  it('answers VALID on the last day of validity and EXPIRED the day after', async () => {
    expect(await verify('JS-LT0001-2021-000006')).toMatchObject({ result: 'VALID', reason: '证照有效，有效期至 2026-07-15', checkedOn: '2026-07-15' });
    now = new Date('2026-07-15T16:00:00Z'); // 2026-07-16 00:00 in China
    expect(await verify('JS-LT0001-2021-000006')).toMatchObject({
      result: 'EXPIRED',
      reason: '证照有效期至 2026-07-15，已过期',
      checkedOn: '2026-07-16',
      licence: { status: 'VALID' },
    });
  });

  it('answers EXPIRED for a licence the library still records as valid but whose expiry date has passed', async () => {
    expect(await verify('JS-LT0003-2016-000002')).toEqual({
      number: 'JS-LT0003-2016-000002',
      result: 'EXPIRED',
      reason: '证照有效期至 2026-06-30，已过期',
      checkedOn: '2026-07-15',
      licence: withHolder('JS-LT0003-2016-000002', { idNumber: recordOf('JS-LT0003-2016-000002').holderId }),
    });
  });

  it('answers EXPIRED for a licence recorded as expired', async () => {
    expect(await verify('JS-LT0003-2005-000004')).toMatchObject({ result: 'EXPIRED', reason: '证照有效期至 2015-01-04，已过期', licence: { status: 'EXPIRED' } });
  });

  it('answers REVOKED with the recorded reason, even before its expiry date', async () => {
    expect(await verify('JS-LT0003-2021-000005')).toEqual({
      number: 'JS-LT0003-2021-000005',
      result: 'REVOKED',
      reason: '饮酒后驾驶机动车，依法吊销',
      checkedOn: '2026-07-15',
      licence: withHolder('JS-LT0003-2021-000005', { idNumber: LI }),
    });
  });

  it('answers NOT_FOUND for a number the library does not hold', async () => {
    expect(await verify('JS-LT0009-2020-000123')).toEqual({
      number: 'JS-LT0009-2020-000123',
      result: 'NOT_FOUND',
      reason: '证照库中没有编号为 JS-LT0009-2020-000123 的证照',
      checkedOn: '2026-07-15',
      licence: null,
    });
  });

  it('verifies many licences of one request with one statement', async () => {
    const before = subgraph.licenceDb.stats().queries;
    const body = await post(
      subgraph,
      '{ a: verifyLicence(number: "JS-LT0001-2019-000008") { result } b: verifyLicence(number: "JS-X") { result } c: licence(number: "JS-LT0001-2019-000008") { number } }',
    );
    expect(body).toEqual({ data: { a: { result: 'REVOKED' }, b: { result: 'NOT_FOUND' }, c: { number: 'JS-LT0001-2019-000008' } } });
    expect(subgraph.licenceDb.stats().queries - before).toBe(1);
  });

  it('refuses an empty number with BAD_USER_INPUT', async () => {
    const body = await post(subgraph, VERIFY, { n: '' });
    expect(body.data).toBeNull();
    expect(body.errors).toMatchObject([
      { message: 'Invalid licence number for argument "number": must not be empty', path: ['verifyLicence'], extensions: { code: 'BAD_USER_INPUT' } },
    ]);
  });
});

describe('chinaDate', () => {
  it('gives the calendar date in Asia/Shanghai, whatever the UTC date', () => {
    expect(chinaDate(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31');
    expect(chinaDate(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01');
    expect(chinaDate(new Date('2024-02-28T16:30:00Z'))).toBe('2024-02-29');
  });

  it('refuses an invalid date', () => {
    expect(() => chinaDate(new Date('nonsense'))).toThrow(RangeError);
  });
});
