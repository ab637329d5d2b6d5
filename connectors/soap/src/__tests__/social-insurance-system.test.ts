/**
 * The connector against the simulated social-insurance system (SOAP 1.2 +
 * WS-Security UsernameToken with PasswordDigest, replay and age checks).
 */
import { BadGatewayError, BadRequestError, createSilentLogger, type GovgraphError } from '@govgraph/sdk';
import { startSocialInsuranceSystem, type SocialInsuranceRecord, type SocialInsuranceSystemHandle } from '@govgraph/legacy';
import { parseSoapSourceConfig, soapSource, type SoapSource } from '../index';

const ID = '320102199003071239';
const UNIT = '南京示例科技有限公司';
const records: SocialInsuranceRecord[] = [
  {
    idNumber: ID,
    name: '王小明',
    status: 'insured',
    insuranceTypes: ['pension', 'medical'],
    firstContributionMonth: '2012-07',
    lastContributionMonth: '2025-05',
    totalContributionMonths: 150,
    payingUnit: UNIT,
    contributions: [
      { month: '2025-05', insuranceType: 'pension', baseAmount: 800000, personalAmount: 64000, employerAmount: 128000, payingUnit: UNIT },
      { month: '2025-05', insuranceType: 'medical', baseAmount: 800000, personalAmount: 16000, employerAmount: 64000, payingUnit: UNIT },
    ],
  },
  { idNumber: '32050819851120242X', name: '王小红', status: 'never', insuranceTypes: [], firstContributionMonth: null, lastContributionMonth: null, totalContributionMonths: 0, payingUnit: null, contributions: [] },
];

async function caught(promise: Promise<unknown>): Promise<GovgraphError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as GovgraphError,
  );
}

describe('soapSource against the social-insurance system', () => {
  let system: SocialInsuranceSystemHandle;
  let source: SoapSource | undefined;
  beforeAll(async () => {
    system = await startSocialInsuranceSystem({ data: { records }, credentials: { username: 'gateway', password: 'pa55&word' } });
  });
  afterEach(async () => {
    await source?.stop();
    source = undefined;
    system.calls.reset();
  });
  afterAll(async () => {
    await system.close();
  });

  async function start(security: object | undefined, soapVersion = 'auto'): Promise<SoapSource> {
    source = soapSource(
      parseSoapSourceConfig({ name: 'social-insurance', endpoint: system.url, soapVersion, ...(security ? { security: { kind: 'username-token', ...security } } : {}) }),
    );
    await source.start({ logger: createSilentLogger() });
    return source;
  }

  it('calls both operations with a PasswordDigest token; a batch is one call', async () => {
    const si = await start(system.credentials);
    expect(si.describe().soapVersion).toBe('1.2');
    const statuses = await si.call<{ insuranceStatus: unknown[] }>('GetInsuranceStatusByIdNumbers', { idNumber: [ID, '32050819851120242X', '320000000000000000'] }, { arrays: ['insuranceStatus', 'insuranceType'] });
    expect(statuses).toEqual({
      insuranceStatus: [
        { idNumber: ID, name: '王小明', status: 'insured', insuranceType: ['pension', 'medical'], firstContributionMonth: '2012-07', lastContributionMonth: '2025-05', totalContributionMonths: '150', payingUnit: UNIT },
        { idNumber: '32050819851120242X', name: '王小红', status: 'never', firstContributionMonth: null, lastContributionMonth: null, totalContributionMonths: '0', payingUnit: null },
      ],
    });
    const history = await si.call('GetContributionHistory', { idNumber: ID, fromMonth: '2025-01', toMonth: '2025-12' }, { arrays: ['contribution'] });
    expect(history).toEqual({
      idNumber: ID,
      fromMonth: '2025-01',
      toMonth: '2025-12',
      contribution: [
        { month: '2025-05', insuranceType: 'pension', baseAmount: '800000', personalAmount: '64000', employerAmount: '128000', payingUnit: UNIT },
        { month: '2025-05', insuranceType: 'medical', baseAmount: '800000', personalAmount: '16000', employerAmount: '64000', payingUnit: UNIT },
      ],
    });
    // Many calls in a row: every one has a fresh nonce (no replay fault).
    await Promise.all(Array.from({ length: 5 }, () => si.call('GetInsuranceStatusByIdNumbers', { idNumber: [ID] })));
    expect(system.calls.byOperation()).toEqual({ wsdl: 1, GetInsuranceStatusByIdNumbers: 6, GetContributionHistory: 1 });
  });

  it('maps a wrong password, a clear-text password and no token to BadGatewayError with the wsse code', async () => {
    const wrong = await caught((await start({ username: 'gateway', password: 'guess' })).call('GetInsuranceStatusByIdNumbers', { idNumber: [ID] }));
    expect(wrong).toBeInstanceOf(BadGatewayError);
    expect(wrong.details).toEqual({ source: 'social-insurance', status: 400, upstreamCode: 'wsse:FailedAuthentication' });
    expect(JSON.stringify({ message: wrong.message, cause: (wrong.cause as Error).message })).not.toContain('guess');
    await source?.stop();

    const text = await caught((await start({ ...system.credentials, passwordType: 'PasswordText' })).call('GetInsuranceStatusByIdNumbers', { idNumber: [ID] }));
    expect(text).toBeInstanceOf(BadGatewayError);
    expect(text.details?.['upstreamCode']).toBe('wsse:InvalidSecurity');
    await source?.stop();

    const none = await caught((await start(undefined)).call('GetInsuranceStatusByIdNumbers', { idNumber: [ID] }));
    expect(none).toBeInstanceOf(BadGatewayError);
    expect(none.details?.['upstreamCode']).toBe('wsse:InvalidSecurity');
  });

  it('maps argument faults to BadRequestError with the system code', async () => {
    const si = await start(system.credentials);
    const range = await caught(si.call('GetContributionHistory', { idNumber: ID, fromMonth: '2020-01', toMonth: '2025-12' }));
    expect(range).toBeInstanceOf(BadRequestError);
    expect(range.details).toEqual({ source: 'social-insurance', status: 400, upstreamCode: 'INVALID_ARGUMENT' });
    const batch = await caught(si.call('GetInsuranceStatusByIdNumbers', { idNumber: Array.from({ length: 51 }, () => ID) }));
    expect(batch.details?.['upstreamCode']).toBe('TOO_MANY_KEYS');
  });

  it('refuses to speak SOAP 1.1 to it: the WSDL has no SOAP 1.1 binding', async () => {
    source = soapSource(parseSoapSourceConfig({ name: 'social-insurance', endpoint: system.url, soapVersion: '1.1' }));
    await expect(source.start({ logger: createSilentLogger() })).rejects.toThrow('a WSDL that cannot be used');
  });
});
