import { buildUsernameTokenHeader, passwordDigest } from '../username-token';
import type { UsernameTokenSecurity } from '../ws-security-config';

const NONCE = Uint8Array.from({ length: 16 }, (_, index) => index);
const CREATED = new Date('2026-06-30T08:00:00.000Z');
const PROFILE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0';
const security: UsernameTokenSecurity = { kind: 'username-token', username: 'gw<1>', password: 'secret', passwordType: 'PasswordDigest', timestampTtlSeconds: 300 };

describe('UsernameToken', () => {
  it('computes PasswordDigest = Base64(SHA-1(nonce + created + password)) (vector from openssl)', () => {
    expect(passwordDigest(NONCE, '2026-06-30T08:00:00.000Z', 'secret')).toBe('uxgY2Tf+5umzCHVrab3lDCNQRKg=');
  });

  it('writes a wsse:Security header with a timestamp, a digest, the nonce and Created', () => {
    expect(buildUsernameTokenHeader(security, CREATED, NONCE)).toBe(
      '<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" ' +
        'xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd" soap:mustUnderstand="1">' +
        '<wsu:Timestamp wsu:Id="TS-1"><wsu:Created>2026-06-30T08:00:00.000Z</wsu:Created><wsu:Expires>2026-06-30T08:05:00.000Z</wsu:Expires></wsu:Timestamp>' +
        '<wsse:UsernameToken wsu:Id="UsernameToken-1"><wsse:Username>gw&lt;1&gt;</wsse:Username>' +
        `<wsse:Password Type="${PROFILE}#PasswordDigest">uxgY2Tf+5umzCHVrab3lDCNQRKg=</wsse:Password>` +
        '<wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">AAECAwQFBgcICQoLDA0ODw==</wsse:Nonce>' +
        '<wsu:Created>2026-06-30T08:00:00.000Z</wsu:Created></wsse:UsernameToken></wsse:Security>',
    );
  });

  it('sends an escaped clear-text password with PasswordText, and no timestamp with a TTL of 0', () => {
    const header = buildUsernameTokenHeader({ ...security, password: 'a&b', passwordType: 'PasswordText', timestampTtlSeconds: 0 }, CREATED, NONCE);
    expect(header).toContain(`<wsse:Password Type="${PROFILE}#PasswordText">a&amp;b</wsse:Password>`);
    expect(header).not.toContain('wsu:Timestamp');
  });
});
