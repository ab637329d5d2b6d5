import { findLeaks } from '../find-leaks';
import { varyKeyValue } from '../make-missing-keys';
import { parseCreditCode, parseResidentId } from '../..';

const leaksIn = (message: string, extensions: Record<string, unknown> = {}, secrets: string[] = []) =>
  findLeaks([{ message, extensions }], secrets).map((leak) => [leak.what, leak.text]);

describe('findLeaks', () => {
  it('finds URLs, IP addresses, host names, host:port and stack traces', () => {
    expect(leaksIn('GET https://api.example.gov.cn/v1 failed')).toContainEqual(['a URL', 'https://api.example.gov.cn/v1']);
    expect(leaksIn('connect ECONNREFUSED 10.1.2.3')).toEqual([['an IP address', '10.1.2.3']]);
    expect(leaksIn('connect ECONNREFUSED ::1')).toEqual([['an IP address', '::1']]);
    expect(leaksIn('db-7.intranet failed')).toEqual([['a host name', 'db-7.intranet']]);
    expect(leaksIn('registry-host:8080 refused')).toEqual([['a host and port', 'registry-host:8080']]);
    expect(leaksIn('boom', { stacktrace: ['Error: boom', '    at f (/app/x.js:1:2)'] }).map(([what]) => what)).toContain('a stack trace');
    expect(leaksIn('Error: boom\n    at run (/app/dist/client.js:10:5)').map(([what]) => what)).toContain('a stack trace');
    expect(leaksIn('cannot open /var/db/licences.db', {}, ['/var/db/licences.db'])).toEqual([['a value named in `secrets`', '/var/db/licences.db']]);
  });

  it('passes the SDK\'s own messages', () => {
    expect(leaksIn('legacy system "population-registry" failed (SOAP server fault)', { code: 'CONN_UPSTREAM_UNAVAILABLE', source: 'population-registry', status: 500 })).toEqual([]);
    expect(leaksIn('legacy system "case-handling" did not answer within 300 ms', { code: 'CONN_UPSTREAM_TIMEOUT' })).toEqual([]);
    expect(leaksIn('idNumber: character 18 (the check character) must be 9, got 0 at 10:00:00', { code: 'BAD_USER_INPUT' })).toEqual([]);
  });
});

describe('varyKeyValue', () => {
  it('keeps resident ID numbers and credit codes valid, and varies digits of other keys', () => {
    const idNumber = varyKeyValue('320102199003071239', 0) as string;
    expect(parseResidentId(idNumber).ok).toBe(true);
    expect(idNumber.slice(0, 14)).toBe('32010219900307');
    const creditCode = varyKeyValue('91350100M000100Y43', 3) as string;
    expect(parseCreditCode(creditCode).ok).toBe(true);
    expect(creditCode).not.toBe('91350100M000100Y43');
    expect(varyKeyValue('SZ2025031000001', 0)).toBe('SZ2025031999999');
    expect(varyKeyValue('LT-0001', 1)).toBe('LT-9998');
    expect(varyKeyValue('no digits', 0)).toBeUndefined();
    expect(varyKeyValue({ number: 'X1', region: '3201' }, 0)).toEqual({ number: 'X9', region: '3201' });
  });
});
