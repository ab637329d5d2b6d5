import { BadRequestError, ConfigError, UpstreamDataError } from '@govgraph/sdk';
import { fenToYuan, parseMonthRange, parseSocialInsuranceSubgraphConfig } from '..';

describe('fenToYuan', () => {
  it.each([
    ['800000', '8000.00'],
    ['5', '0.05'],
    ['50', '0.50'],
    ['0', '0.00'],
    ['000120', '1.20'],
    ['-120', '-1.20'],
    ['-0', '0.00'],
    ['9007199254740993', '90071992547409.93'],
  ])('%s fen is %s yuan, digit for digit', (fen, yuan) => {
    expect(fenToYuan(fen, 'x')).toBe(yuan);
  });

  it.each(['', '12.5', '1e3', 'abc', '12 34'])('refuses %j with UpstreamDataError naming the field', (fen) => {
    expect(() => fenToYuan(fen, 'contribution[0].baseAmount')).toThrow(UpstreamDataError);
    expect(() => fenToYuan(fen, 'contribution[0].baseAmount')).toThrow(/contribution\[0\]\.baseAmount/);
  });
});

describe('parseMonthRange', () => {
  it('accepts one month and 36 months', () => {
    expect(parseMonthRange('2026-06', '2026-06')).toEqual({ fromMonth: '2026-06', toMonth: '2026-06' });
    expect(parseMonthRange('2023-07', '2026-06')).toEqual({ fromMonth: '2023-07', toMonth: '2026-06' });
  });

  it('reports both bad months at once', () => {
    expect(() => parseMonthRange('2026-6', '26-06')).toThrow(
      new BadRequestError('fromMonth: must be a month YYYY-MM, got "2026-6"; toMonth: must be a month YYYY-MM, got "26-06"'),
    );
  });

  it.each([
    ['2026-00', '2026-01'],
    ['2026-05', '2026-04'],
    ['2023-06', '2026-06'],
  ])('refuses %s … %s', (from, to) => {
    expect(() => parseMonthRange(from, to)).toThrow(BadRequestError);
  });
});

describe('parseSocialInsuranceSubgraphConfig', () => {
  it('applies the defaults (port 4005)', () => {
    expect(parseSocialInsuranceSubgraphConfig({ url: 'http://127.0.0.1:4106/social-insurance', username: 'gw', password: 'pw' })).toEqual({
      url: 'http://127.0.0.1:4106/social-insurance',
      username: 'gw',
      password: 'pw',
      timeoutMs: 5000,
      port: 4005,
      host: '127.0.0.1',
      logLevel: 'info',
    });
  });

  it('reports every problem at once and never echoes the password', () => {
    let error: unknown;
    try {
      parseSocialInsuranceSubgraphConfig({ url: 'ftp://x', username: '', password: 12345678901, port: 'eighty' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('4 problems');
    expect(message).toMatch(/url: must use http or https/);
    expect(message).toMatch(/username: must not be empty/);
    expect(message).toMatch(/password: must be the WS-Security password\n/);
    expect(message).toMatch(/port: must be an integer/);
    expect(message).not.toContain('12345678901');
  });
});
