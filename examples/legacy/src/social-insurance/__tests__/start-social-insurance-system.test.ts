import { createHash, randomBytes } from 'node:crypto';
import {
  PASSWORD_DIGEST_TYPE,
  PASSWORD_TEXT_TYPE,
  SOAP12_NAMESPACE,
  SOCIAL_INSURANCE_NAMESPACE,
  WSSE_NAMESPACE,
  WSU_NAMESPACE,
  startSocialInsuranceSystem,
  type SocialInsuranceSystemHandle,
} from '..';
import type { SocialInsuranceRecord } from '../../data/types';
import { parseXmlDocument, type XmlElement } from '../../population';
import { persons } from '../../__tests__/fixtures/small-dataset';

const [wang, wangF, li] = persons as [(typeof persons)[0], (typeof persons)[0], (typeof persons)[0]];
const UNIT = '南京示例科技有限公司';
const CREDENTIALS = { username: 'gateway', password: 'pa55&<word>' };
const BASE64_BINARY = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';

const records: SocialInsuranceRecord[] = [
  {
    idNumber: wang.idNumber,
    name: wang.name,
    status: 'insured',
    insuranceTypes: ['pension', 'medical'],
    firstContributionMonth: '2012-07',
    lastContributionMonth: '2025-05',
    totalContributionMonths: 150,
    payingUnit: UNIT,
    contributions: [
      { month: '2025-04', insuranceType: 'pension', baseAmount: 800000, personalAmount: 64000, employerAmount: 128000, payingUnit: UNIT },
      { month: '2025-04', insuranceType: 'medical', baseAmount: 800000, personalAmount: 16000, employerAmount: 64000, payingUnit: UNIT },
      { month: '2025-05', insuranceType: 'pension', baseAmount: 800000, personalAmount: 64000, employerAmount: 128000, payingUnit: UNIT },
      { month: '2025-05', insuranceType: 'medical', baseAmount: 800000, personalAmount: 16000, employerAmount: 64000, payingUnit: UNIT },
    ],
  },
  { idNumber: li.idNumber, name: li.name, status: 'never', insuranceTypes: [], firstContributionMonth: null, lastContributionMonth: null, totalContributionMonths: 0, payingUnit: null, contributions: [] },
];

interface TokenOptions {
  username?: string;
  password?: string;
  type?: string;
  created?: Date;
  nonce?: Buffer;
  expires?: Date;
}

/** A wsse:Security header written by hand (the connector is not a dependency of the simulators). */
function security(options: TokenOptions = {}): string {
  const created = (options.created ?? new Date()).toISOString();
  const nonce = options.nonce ?? randomBytes(16);
  const password = options.password ?? CREDENTIALS.password;
  const type = options.type ?? PASSWORD_DIGEST_TYPE;
  const value =
    type === PASSWORD_DIGEST_TYPE ? createHash('sha1').update(nonce).update(created).update(password).digest('base64') : password.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const timestamp = options.expires ? `<wsu:Timestamp><wsu:Created>${created}</wsu:Created><wsu:Expires>${options.expires.toISOString()}</wsu:Expires></wsu:Timestamp>` : '';
  return (
    `<wsse:Security xmlns:wsse="${WSSE_NAMESPACE}" xmlns:wsu="${WSU_NAMESPACE}" env:mustUnderstand="true">${timestamp}<wsse:UsernameToken>` +
    `<wsse:Username>${options.username ?? CREDENTIALS.username}</wsse:Username><wsse:Password Type="${type}">${value}</wsse:Password>` +
    `<wsse:Nonce EncodingType="${BASE64_BINARY}">${nonce.toString('base64')}</wsse:Nonce><wsu:Created>${created}</wsu:Created></wsse:UsernameToken></wsse:Security>`
  );
}

const envelope = (body: string, header: string = security()): string =>
  `<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="${SOAP12_NAMESPACE}" xmlns:si="${SOCIAL_INSURANCE_NAMESPACE}">` +
  `${header ? `<env:Header>${header}</env:Header>` : ''}<env:Body>${body}</env:Body></env:Envelope>`;

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

let system: SocialInsuranceSystemHandle;
beforeAll(async () => {
  system = await startSocialInsuranceSystem({ data: { records }, credentials: CREDENTIALS });
});
afterAll(async () => {
  await system.close();
});
beforeEach(() => {
  system.calls.reset();
  system.faults.reset();
});

async function post(body: string, contentType = 'application/soap+xml; charset=utf-8'): Promise<Answer> {
  const response = await fetch(system.url, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

function bodyElement(answer: Answer): XmlElement {
  const root = parseXmlDocument(answer.text);
  expect(root.namespace).toBe(SOAP12_NAMESPACE);
  const first = root.children.find((c) => c.localName === 'Body')?.children[0];
  if (!first) throw new Error(`no body element in ${answer.text}`);
  return first;
}

const fieldsOf = (element: XmlElement): Record<string, string | string[] | null> => {
  const result: Record<string, string | string[] | null> = {};
  for (const child of element.children) {
    const value = child.attributes['xsi:nil'] === 'true' ? null : child.text;
    if (child.localName === 'insuranceType' && element.localName === 'insuranceStatus') result['insuranceType'] = [...((result['insuranceType'] as string[]) ?? []), value as string];
    else result[child.localName] = value;
  }
  return result;
};

function faultOf(answer: Answer): { value: string; subcode: string | undefined; reason: string; code: string } {
  const fault = bodyElement(answer);
  expect(fault.localName).toBe('Fault');
  const code = fault.children.find((c) => c.localName === 'Code');
  const detail = fault.children.find((c) => c.localName === 'Detail')?.children[0];
  return {
    value: code?.children.find((c) => c.localName === 'Value')?.text ?? '',
    subcode: code?.children.find((c) => c.localName === 'Subcode')?.children[0]?.text,
    reason: fault.children.find((c) => c.localName === 'Reason')?.children[0]?.text ?? '',
    code: detail?.children.find((c) => c.localName === 'code')?.text ?? '',
  };
}

const statusRequest = (...idNumbers: string[]): string =>
  `<si:GetInsuranceStatusByIdNumbers>${idNumbers.map((id) => `<si:idNumber>${id}</si:idNumber>`).join('')}</si:GetInsuranceStatusByIdNumbers>`;
const historyRequest = (idNumber: string, fromMonth: string, toMonth: string): string =>
  `<si:GetContributionHistory><si:idNumber>${idNumber}</si:idNumber><si:fromMonth>${fromMonth}</si:fromMonth><si:toMonth>${toMonth}</si:toMonth></si:GetContributionHistory>`;

describe('social-insurance system', () => {
  it('answers a batch status lookup with a valid PasswordDigest: accounts found, never-insured as status never, unknown absent', async () => {
    const answer = await post(envelope(statusRequest(wang.idNumber, li.idNumber, wangF.idNumber, wang.idNumber)));
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('application/soap+xml; charset=utf-8');
    const response = bodyElement(answer);
    expect(response.localName).toBe('GetInsuranceStatusByIdNumbersResponse');
    expect(response.children.map(fieldsOf)).toEqual([
      {
        idNumber: wang.idNumber,
        name: '王小明',
        status: 'insured',
        insuranceType: ['pension', 'medical'],
        firstContributionMonth: '2012-07',
        lastContributionMonth: '2025-05',
        totalContributionMonths: '150',
        payingUnit: UNIT,
      },
      { idNumber: li.idNumber, name: '李雷', status: 'never', firstContributionMonth: null, lastContributionMonth: null, totalContributionMonths: '0', payingUnit: null },
    ]);
    expect(system.calls.count('GetInsuranceStatusByIdNumbers')).toBe(1);
  });

  it('answers the contribution history of a month range, amounts in fen', async () => {
    const response = bodyElement(await post(envelope(historyRequest(wang.idNumber, '2025-05', '2025-12'))));
    expect(response.localName).toBe('GetContributionHistoryResponse');
    expect(response.children.slice(0, 3).map((c) => [c.localName, c.text])).toEqual([
      ['idNumber', wang.idNumber],
      ['fromMonth', '2025-05'],
      ['toMonth', '2025-12'],
    ]);
    expect(response.children.slice(3).map(fieldsOf)).toEqual([
      { month: '2025-05', insuranceType: 'pension', baseAmount: '800000', personalAmount: '64000', employerAmount: '128000', payingUnit: UNIT },
      { month: '2025-05', insuranceType: 'medical', baseAmount: '800000', personalAmount: '16000', employerAmount: '64000', payingUnit: UNIT },
    ]);
    const unknown = bodyElement(await post(envelope(historyRequest(wangF.idNumber, '2025-01', '2025-12'))));
    expect(unknown.children.map((c) => c.localName)).toEqual(['idNumber', 'fromMonth', 'toMonth']);
  });

  it('refuses a range over 36 months, a reversed range and a bad month with INVALID_ARGUMENT (HTTP 400, env:Sender)', async () => {
    for (const [from, to] of [['2022-01', '2025-01'], ['2025-02', '2025-01'], ['2025-13', '2025-12']] as const) {
      const answer = await post(envelope(historyRequest(wang.idNumber, from, to)));
      expect(answer.status).toBe(400);
      expect(faultOf(answer)).toMatchObject({ value: 'env:Sender', subcode: undefined, code: 'INVALID_ARGUMENT' });
    }
    expect((await post(envelope(historyRequest(wang.idNumber, '2022-02', '2025-01')))).status).toBe(200); // exactly 36 months
  });

  it('refuses more than 50 ID numbers with TOO_MANY_KEYS', async () => {
    const answer = await post(envelope(statusRequest(...Array.from({ length: 51 }, () => wang.idNumber))));
    expect(answer.status).toBe(400);
    expect(faultOf(answer)).toMatchObject({ value: 'env:Sender', code: 'TOO_MANY_KEYS' });
    expect((await post(envelope(statusRequest(...Array.from({ length: 50 }, () => wang.idNumber))))).status).toBe(200);
  });

  it('refuses a missing token, a clear-text password and a wrong password, without echoing the password', async () => {
    const missing = await post(envelope(statusRequest(wang.idNumber), ''));
    expect(missing.status).toBe(400);
    expect(faultOf(missing)).toMatchObject({ value: 'env:Sender', subcode: 'wsse:InvalidSecurity', code: 'INVALID_SECURITY' });

    const text = await post(envelope(statusRequest(wang.idNumber), security({ type: PASSWORD_TEXT_TYPE })));
    expect(faultOf(text)).toMatchObject({ subcode: 'wsse:InvalidSecurity', code: 'INVALID_SECURITY' });
    expect(faultOf(text).reason).toMatch(/PasswordDigest is required/);

    for (const wrong of [security({ password: 'guess' }), security({ username: 'admin' })]) {
      const answer = await post(envelope(statusRequest(wang.idNumber), wrong));
      expect(answer.status).toBe(400);
      expect(faultOf(answer)).toMatchObject({ value: 'env:Sender', subcode: 'wsse:FailedAuthentication', code: 'FAILED_AUTHENTICATION' });
      expect(answer.text).not.toContain('pa55');
    }
    expect(system.calls.count('GetInsuranceStatusByIdNumbers')).toBe(4); // refused calls are counted
  });

  it('refuses a replayed nonce, an old or future Created and an expired Timestamp', async () => {
    const nonce = randomBytes(16);
    const created = new Date();
    expect((await post(envelope(statusRequest(wang.idNumber), security({ nonce, created })))).status).toBe(200);
    const replay = await post(envelope(statusRequest(wang.idNumber), security({ nonce, created })));
    expect(faultOf(replay)).toMatchObject({ subcode: 'wsse:InvalidSecurity', code: 'INVALID_SECURITY' });
    expect(faultOf(replay).reason).toMatch(/nonce was already used/);

    const old = await post(envelope(statusRequest(wang.idNumber), security({ created: new Date(Date.now() - 5 * 60_000 - 1000) })));
    expect(faultOf(old)).toMatchObject({ value: 'env:Sender', subcode: 'wsse:MessageExpired', code: 'MESSAGE_EXPIRED' });
    const future = await post(envelope(statusRequest(wang.idNumber), security({ created: new Date(Date.now() + 2 * 60_000) })));
    expect(faultOf(future)).toMatchObject({ subcode: 'wsse:MessageExpired' });
    expect((await post(envelope(statusRequest(wang.idNumber), security({ created: new Date(Date.now() + 30_000) })))).status).toBe(200); // within skew
    const expiredTimestamp = await post(envelope(statusRequest(wang.idNumber), security({ expires: new Date(Date.now() - 1000) })));
    expect(faultOf(expiredTimestamp)).toMatchObject({ subcode: 'wsse:MessageExpired' });
  });

  it('follows SOAP 1.2 envelope rules: media type, version mismatch, mustUnderstand, action mismatch', async () => {
    const soap11 = await post(envelope(statusRequest(wang.idNumber)), 'text/xml; charset=utf-8');
    expect(soap11.status).toBe(415);
    expect(faultOf(soap11).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const v11 = await post(`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body/></s:Envelope>`);
    expect(v11.status).toBe(500);
    expect(faultOf(v11)).toMatchObject({ value: 'env:VersionMismatch', code: 'VERSION_MISMATCH' });
    const header = `${security()}<x:Trace xmlns:x="urn:x" env:mustUnderstand="true"/>`;
    expect(faultOf(await post(envelope(statusRequest(wang.idNumber), header)))).toMatchObject({ value: 'env:MustUnderstand', code: 'MUST_UNDERSTAND' });
    const mismatch = await post(envelope(statusRequest(wang.idNumber)), `application/soap+xml; charset=utf-8; action="${SOCIAL_INSURANCE_NAMESPACE}/GetContributionHistory"`);
    expect(faultOf(mismatch).code).toBe('SOAP_ACTION_MISMATCH');
    const matching = await post(envelope(statusRequest(wang.idNumber)), `application/soap+xml; charset=utf-8; action="${SOCIAL_INSURANCE_NAMESPACE}/GetInsuranceStatusByIdNumbers"`);
    expect(matching.status).toBe(200);
    expect(faultOf(await post('<!DOCTYPE x [<!ENTITY a "b">]><x/>')).code).toBe('DOCTYPE_NOT_ALLOWED');
  });

  it('injects faults as env:Receiver with HTTP 500, and counts every call', async () => {
    system.faults.setFailure('error', { times: 1 });
    const failed = await post(envelope(statusRequest(wang.idNumber)));
    expect(failed.status).toBe(500);
    expect(faultOf(failed)).toMatchObject({ value: 'env:Receiver', code: 'INTERNAL_ERROR' });
    expect((await post(envelope(statusRequest(wang.idNumber)))).status).toBe(200);
    await fetch(`${system.url}?wsdl`).then((r) => r.text());
    expect(system.calls.byOperation()).toEqual({ GetInsuranceStatusByIdNumbers: 2, wsdl: 1 });
  });

  it('serves a WSDL with a SOAP 1.2 binding, an action per operation and its own address', async () => {
    const response = await fetch(`${system.url}?wsdl`);
    expect(response.status).toBe(200);
    const wsdl = await response.text();
    const root = parseXmlDocument(wsdl);
    expect(root.localName).toBe('definitions');
    expect(wsdl).toContain('xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/"');
    expect(wsdl).toContain('<soap12:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>');
    expect(wsdl).toContain(`<soap12:operation soapAction="${SOCIAL_INSURANCE_NAMESPACE}/GetInsuranceStatusByIdNumbers"`);
    expect(wsdl).toContain(`<soap12:operation soapAction="${SOCIAL_INSURANCE_NAMESPACE}/GetContributionHistory"`);
    expect(wsdl).toContain(`<soap12:address location="${system.url}"/>`);
    expect(wsdl).toContain('maxOccurs="50"');
    expect(wsdl).not.toContain('xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"');
  });

  it('exposes the credentials it accepts', () => {
    expect(system.credentials).toEqual(CREDENTIALS);
    expect(system.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/social-insurance$/);
  });
});
