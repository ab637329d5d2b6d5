import { creditCodeCheckChar, parseCreditCode } from '../credit-code';
import { organisationCodeCheckChar } from '../organisation-code';
import { seededRandom } from './seeded-random';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('organisationCodeCheckChar', () => {
  it('computes the check character of a numeric organisation code', () => {
    // 7 1 5 2 6 7 2 6 × 3 7 9 10 5 8 4 2 = 21+7+45+20+30+56+8+12 = 199
    // 199 mod 11 = 1 → 11 − 1 = 10 → 'X'
    expect(organisationCodeCheckChar('71526726')).toBe('X');
  });

  it('counts letters as A=10 … Z=35', () => {
    // M=22, Y=34: M 0 0 0 1 0 0 Y → 66+0+0+0+5+0+0+68 = 139; 139 mod 11 = 7 → 11 − 7 = 4
    expect(organisationCodeCheckChar('M000100Y')).toBe('4');
    // Z=35: 35·3 = 105; 105 mod 11 = 6 → 5
    expect(organisationCodeCheckChar('Z0000000')).toBe('5');
  });

  it('writes 11 as 0', () => {
    // all zeros: sum 0 → 11 − 0 = 11 → '0'
    expect(organisationCodeCheckChar('00000000')).toBe('0');
    // 1 at position 8 (weight 2): 11 − 2 = 9
    expect(organisationCodeCheckChar('00000001')).toBe('9');
  });

  it('rejects input that is not 8 characters of 0-9 and A-Z', () => {
    expect(() => organisationCodeCheckChar('7152672')).toThrow(TypeError);
    expect(() => organisationCodeCheckChar('7152672a')).toThrow(
      'organisationCodeCheckChar expects 8 characters of 0-9 and A-Z, got "7152672a"',
    );
  });
});

describe('creditCodeCheckChar', () => {
  it('computes the check character of a code with letters', () => {
    // values 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4
    // × 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
    // = 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 mod 31 = 28 → 31 − 28 = 3 → '3'
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('writes check values of 10 and above as letters of the alphabet', () => {
    // 9 1 4 4 0 3 0 0 7 1 5 2 6 7 2 6 X=29:
    // 9+3+36+108+0+78+0+0+140+29+125+26+48+168+20+180+812 = 1782; 1782 mod 31 = 15 → 16 → 'G'
    expect(creditCodeCheckChar('9144030071526726X')).toBe('G');
  });

  it('writes 31 as 0', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
    // 1 at position 1 (weight 1): 31 − 1 = 30 → 'Y'
    expect(creditCodeCheckChar('10000000000000000')).toBe('Y');
  });

  it('rejects input of the wrong length or outside the alphabet', () => {
    expect(() => creditCodeCheckChar('9135010000000000')).toThrow('creditCodeCheckChar expects 17 characters, got "9135010000000000"');
    expect(() => creditCodeCheckChar('91350100I00000000')).toThrow(/got "I" at 9/);
  });
});

describe('parseCreditCode', () => {
  it.each([
    // Real published codes: each passes both the organisation-code and the credit-code check.
    ['9144030071526726XG', '9', '1', '440300', '71526726X'],
    ['914403001922038216', '9', '1', '440300', '192203821'],
    ['91330100716105852F', '9', '1', '330100', '716105852'],
    ['91350100M000100Y43', '9', '1', '350100', 'M000100Y4'],
  ])('takes apart %s', (value, registrationAuthority, organisationType, regionCode, organisationCode) => {
    expect(parseCreditCode(value)).toEqual({
      ok: true,
      value,
      registrationAuthority,
      organisationType,
      regionCode,
      organisationCode,
    });
  });

  it('accepts lower-case letters and normalises them', () => {
    expect(parseCreditCode('9144030071526726xg')).toMatchObject({ ok: true, value: '9144030071526726XG' });
  });

  it.each([
    ['', 'must be 18 characters, got 0'],
    ['9144030071526726X', 'must be 18 characters, got 17'],
    ['9144030071526726XGG', 'must be 18 characters, got 19'],
    ['9144030071526726XI', "character 18 must be a digit or a capital letter other than I, O, S, V and Z, got 'I'"],
    ['91440300O1526726XG', "character 9 must be a digit or a capital letter other than I, O, S, V and Z, got 'O'"],
    ['Z144030071526726XG', "character 1 must be a digit or a capital letter other than I, O, S, V and Z, got 'Z'"],
    ['9s44030071526726XG', "character 2 must be a digit or a capital letter other than I, O, S, V and Z, got 's'"],
    ['914403007152672vXG', "character 16 must be a digit or a capital letter other than I, O, S, V and Z, got 'v'"],
    ['9144030071526726 G', 'character 17 must be a digit or a capital letter other than I, O, S, V and Z, got " "'],
    ['9144030071526726_G', "character 17 must be a digit or a capital letter other than I, O, S, V and Z, got '_'"],
    ['914403中071526726XG', 'character 7 must be a digit or a capital letter other than I, O, S, V and Z, got "中"'],
    ['91A4030071526726XG', "character 3 must be a digit (characters 3-8 are the region code), got 'A'"],
    ['914403a071526726XG', "character 7 must be a digit (characters 3-8 are the region code), got 'a'"],
    ['91440300715267265G', "character 17, the check character of the organisation code 71526726, should be 'X', got '5'"],
    ['91440300715267A6XG', "character 17, the check character of the organisation code 715267A6, should be '0', got 'X'"],
    ['9144030071526726XH', "check character should be 'G', got 'H'"],
    ['9144030071526726X0', "check character should be 'G', got '0'"],
    ['9244030071526726XG', "check character should be 'D', got 'G'"],
    ['9144030071526726xh', "check character should be 'G', got 'h'"],
  ])('rejects %j: %s', (value, reason) => {
    expect(parseCreditCode(value)).toEqual({ ok: false, reason });
  });

  it('reports a non-string value from untyped callers', () => {
    expect(parseCreditCode(undefined as unknown as string)).toEqual({ ok: false, reason: 'must be a string, got undefined' });
  });

  it('accepts random valid codes and rejects each with any one character changed', () => {
    const random = seededRandom(32100);
    const pick = (chars: string): string => chars.charAt(Math.floor(random() * chars.length));
    let rejected = 0;
    for (let n = 0; n < 2000; n += 1) {
      let region = '';
      for (let i = 0; i < 6; i += 1) region += pick('0123456789');
      let body = '';
      for (let i = 0; i < 8; i += 1) body += pick(ALPHABET);
      const organisationCode = body + organisationCodeCheckChar(body);
      const first17 = `${pick(ALPHABET)}${pick(ALPHABET)}${region}${organisationCode}`;
      const value = first17 + creditCodeCheckChar(first17);
      expect(parseCreditCode(value)).toEqual({
        ok: true,
        value,
        registrationAuthority: value.charAt(0),
        organisationType: value.charAt(1),
        regionCode: region,
        organisationCode,
      });

      const position = Math.floor(random() * 18);
      const original = value.charAt(position);
      const candidates = [...ALPHABET].filter((char) => char !== original);
      const replacement = candidates[Math.floor(random() * candidates.length)] as string;
      const broken = value.slice(0, position) + replacement + value.slice(position + 1);
      const result = parseCreditCode(broken);
      if (result.ok) throw new Error(`seed 32100 iteration ${n}: ${broken} (from ${value}) was accepted`);
      expect(result.reason).toMatch(/^(check character should be|character 17, the check character|character [3-8] must be a digit)/);
      rejected += 1;
    }
    expect(rejected).toBe(2000);
  });
});
